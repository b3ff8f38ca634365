// One operation of the REST API: method, path, the permission it needs, its parameters and the
// body it takes (as JSON Schema), folded away until opened.
export interface Operation {
  parameters: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: { "application/json": { schema: unknown } } };
  security?: unknown[];
  "x-fleetdeck-permission"?: string;
}

const METHOD_COLORS: Record<string, string> = {
  get: "text-ok",
  post: "text-accent",
  put: "text-warn",
  patch: "text-warn",
  delete: "text-bad",
};

export function ApiOperation({ method, url, operation }: { method: string; url: string; operation: Operation }) {
  const body = operation.requestBody?.content["application/json"].schema;
  return (
    <details className="rounded-lg border border-line bg-panel">
      <summary className="flex cursor-pointer items-center gap-3 px-3 py-2">
        <span className={`w-14 font-mono text-xs font-semibold uppercase ${METHOD_COLORS[method] ?? ""}`}>
          {method}
        </span>
        <code className="flex-1 truncate">{url}</code>
        <span className="text-xs text-muted">
          {operation.security?.length === 0 ? "no sign-in" : (operation["x-fleetdeck-permission"] ?? "signed in")}
        </span>
      </summary>
      <div className="space-y-2 border-t border-line px-3 py-2">
        {operation.parameters.length ? (
          <ul className="space-y-1">
            {operation.parameters.map((p) => (
              <li key={`${p.in}:${p.name}`}>
                <code>{p.name}</code>{" "}
                <span className="text-muted">
                  ({p.in}
                  {p.required ? ", required" : ""})
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {body ? (
          <pre className="overflow-x-auto rounded bg-canvas p-2 font-mono text-xs" tabIndex={0}>
            {JSON.stringify(body, null, 2)}
          </pre>
        ) : null}
      </div>
    </details>
  );
}
