"use client";

// A list of any Kubernetes kind, drawn from its descriptor: the columns kubectl prints, a status
// colour per row, ages that tick, text and label-selector filters, sorting by any column, and only
// the rows in view rendered (thousands of pods cost what a screenful does).
import { ListEmpty } from "../ui/list-empty";
import { emptyReason } from "@/lib/client/empty-reason";
import Link from "next/link";
import { memo, useMemo, useRef, useState } from "react";
import { parseLabelSelector } from "@/lib/client/label-selector";
import { kubeAge, useNow } from "@/lib/client/use-now";
import { useKubeRows } from "@/lib/client/use-kube-rows";
import { useVirtualRows } from "@/lib/client/use-virtual-rows";
import { Resorter } from "@/lib/client/resorter";
import type { KubeKindInfo } from "@/lib/kube/kinds/kind-info";
import type { CellValue } from "@/lib/kube/kinds/kind";
import type { KubeRow } from "@/lib/kube/kinds/row";
import { Alert } from "../ui/alert";
import { HealthDot } from "./health-dot";

const ROW_HEIGHT = 34;

type SortKey = { column: number | "name" | "namespace"; descending: boolean };

// One collator for every comparison: localeCompare with options builds one per call, which made
// sorting 10,000 pods take about a second (about 60 ms with this).
const collator = new Intl.Collator(undefined, { numeric: true });

function compare(a: CellValue, b: CellValue, type: string | undefined): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  // Ages sort by time: an older timestamp is a larger age (RFC 3339 in UTC sorts as text).
  if (type === "age") return String(a) < String(b) ? 1 : String(a) > String(b) ? -1 : 0;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

// Memoised: scrolling mounts the rows coming into view and leaves the others alone.
const KubeListRow = memo(function KubeListRow({
  row: r,
  href,
  columns,
  showNamespace,
  now,
}: {
  row: KubeRow;
  href: string;
  columns: KubeKindInfo["columns"];
  showNamespace: boolean;
  now: number;
}) {
  return (
    <tr
      style={{ height: ROW_HEIGHT }}
      className={`border-b border-line last:border-0 ${r.deleting ? "opacity-50" : ""}`}
      data-testid="kube-row"
    >
      <td className="px-3">
        <span className="flex items-center gap-2">
          <HealthDot health={r.health} />
          {/* No prefetch: every row scrolled into view would fetch its object's page. */}
          <Link href={href} prefetch={false} className="truncate font-medium hover:underline">
            {r.name}
          </Link>
        </span>
      </td>
      {showNamespace ? <td className="px-3 text-muted">{r.namespace}</td> : null}
      {columns.map((c, i) => (
        // Ages are computed from the clock, which differs between the server and the browser.
        <td key={c.header} className="max-w-xs truncate px-3" suppressHydrationWarning={c.type === "age"}>
          {c.type === "age" ? kubeAge(r.cells[i] as string | null, now) : (r.cells[i] ?? "—")}
        </td>
      ))}
    </tr>
  );
});

export function KubeList({
  endpointId,
  resource,
  kind,
  namespace,
  initialRows,
}: {
  endpointId: string;
  resource: string;
  kind: KubeKindInfo;
  namespace: string | null;
  /** The first rows by name, rendered with the page; shown until the live list arrives. */
  initialRows?: KubeRow[] | null;
}) {
  const live = useKubeRows({ endpointId, resource, namespace });
  const { error, loading, stale } = live;
  const rows = loading && initialRows ? initialRows : live.rows;
  const [text, setText] = useState("");
  const [selector, setSelector] = useState("");
  const [sort, setSort] = useState<SortKey>({ column: "name", descending: false });
  const now = useNow();
  const viewport = useRef<HTMLDivElement>(null);
  const parsedSelector = useMemo(() => parseLabelSelector(selector), [selector]);
  // Every batch of changes re-sorts the list: from the last order, so that costs little.
  const [resorter] = useState(() => new Resorter<KubeRow>((r) => r.uid));

  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const matches = "matches" in parsedSelector ? parsedSelector.matches : () => true;
    const filtered = rows.filter(
      (r) =>
        matches(r.labels) &&
        (!needle ||
          r.name.toLowerCase().includes(needle) ||
          (r.namespace ?? "").includes(needle) ||
          r.cells.some((c) =>
            String(c ?? "")
              .toLowerCase()
              .includes(needle),
          )),
    );
    const key = (r: KubeRow): CellValue =>
      sort.column === "name" ? r.name : sort.column === "namespace" ? r.namespace : r.cells[sort.column]!;
    const type = typeof sort.column === "number" ? kind.columns[sort.column]?.type : undefined;
    return resorter.sort(
      filtered,
      (a, b) => compare(key(a), key(b), type) * (sort.descending ? -1 : 1),
      `${sort.column} ${sort.descending}`,
    );
  }, [rows, text, parsedSelector, sort, kind, resorter]);

  const { rows: inView, padTop, padBottom } = useVirtualRows({ count: shown.length, rowHeight: ROW_HEIGHT, viewport });
  const showNamespace = kind.namespaced && !namespace;
  const header = (label: string, column: SortKey["column"]) => (
    <th key={String(column)} className="px-3 py-2">
      <button
        className="uppercase hover:text-ink"
        onClick={() => setSort((s) => ({ column, descending: s.column === column ? !s.descending : false }))}
      >
        {label}
        {sort.column === column ? (sort.descending ? " ↓" : " ↑") : ""}
      </button>
    </th>
  );
  const detailHref = (r: KubeRow) =>
    `/endpoints/${endpointId}/kube/${resource}/${encodeURIComponent(r.name)}${r.namespace ? `?namespace=${encodeURIComponent(r.namespace)}` : ""}`;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <input
          aria-label="Filter"
          data-shortcut-filter
          placeholder={`Filter ${kind.title.toLowerCase()}…`}
          className="w-64 rounded-md border border-line bg-panel px-2.5 py-1.5"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <input
          aria-label="Label selector"
          placeholder="Label selector (app=web,tier!=db)"
          className="w-72 rounded-md border border-line bg-panel px-2.5 py-1.5"
          value={selector}
          onChange={(e) => setSelector(e.target.value)}
        />
        <span className="ml-auto text-muted" data-testid="row-count">
          {loading ? "loading…" : `${shown.length} of ${rows.length}`}
        </span>
        <span
          className={stale ? "text-warn" : "text-ok"}
          data-testid="kube-live"
          title={stale ?? "updates as the cluster changes"}
        >
          {stale ? "● reconnecting" : loading ? "" : "● live"}
        </span>
      </div>
      {"error" in parsedSelector ? <Alert>{parsedSelector.error}</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}
      <div
        ref={viewport}
        className="max-h-[72vh] overflow-auto rounded-lg border border-line bg-panel"
        data-testid="kube-viewport"
      >
        <table className="w-full text-left">
          <thead className="sticky top-0 z-10 border-b border-line bg-panel text-xs text-muted">
            <tr>
              {header("Name", "name")}
              {showNamespace ? header("Namespace", "namespace") : null}
              {kind.columns.map((c, i) => header(c.header, i))}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 ? <tr style={{ height: padTop }} /> : null}
            {inView
              .map(({ index }) => shown[index]!)
              .map((r) => (
                <KubeListRow
                  key={r.uid}
                  row={r}
                  href={detailHref(r)}
                  columns={kind.columns}
                  showNamespace={showNamespace}
                  now={now}
                />
              ))}
            {padBottom > 0 ? <tr style={{ height: padBottom }} /> : null}
          </tbody>
        </table>
        {!loading && !shown.length ? (
          <ListEmpty
            reason={emptyReason({ error, total: rows.length })}
            things={kind.title.toLowerCase()}
            where={namespace ? `in ${namespace}` : kind.namespaced ? "in the namespaces you may read" : ""}
            total={rows.length}
          />
        ) : null}
      </div>
    </div>
  );
}
