// What an audit row's detail holds: for a Kubernetes apply the object's YAML before → after as a
// diff (secrets were masked when recorded), otherwise the detail as indented JSON.
import { LineDiffView } from "../ui/line-diff-view";

function yamlChange(detail: unknown): { before: string; after: string } | null {
  if (!detail || typeof detail !== "object") return null;
  const { before, after } = detail as { before?: unknown; after?: unknown };
  if (typeof after !== "string" || (before !== null && before !== undefined && typeof before !== "string")) return null;
  return { before: before ?? "", after };
}

export function AuditDetail({ action, detail }: { action: string; detail: unknown }) {
  const change = action === "kube.apply" ? yamlChange(detail) : null;
  if (change) {
    const rest = Object.fromEntries(
      Object.entries(detail as Record<string, unknown>).filter(([key]) => key !== "before" && key !== "after"),
    );
    return (
      <div className="space-y-2">
        <LineDiffView before={change.before} after={change.after} label="YAML before and after" />
        {Object.keys(rest).length ? <JsonDetail value={rest} /> : null}
      </div>
    );
  }
  if (detail === null || detail === undefined) return <p className="text-muted">No detail recorded.</p>;
  return <JsonDetail value={detail} />;
}

function JsonDetail({ value }: { value: unknown }) {
  return (
    <pre tabIndex={0} role="region" aria-label="Detail" className="max-h-[50vh] overflow-auto text-xs">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
