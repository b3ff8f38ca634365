"use client";

// A list of any Kubernetes kind, drawn from its descriptor: the columns kubectl prints, a status
// colour per row, ages that tick, text and label-selector filters, sorting by any column, and only
// the rows in view rendered (thousands of pods cost what a screenful does).
import { ListEmpty } from "../ui/list-empty";
import { emptyReason } from "@/lib/client/empty-reason";
import Link from "next/link";
import { useMemo, useRef, useState } from "react";
import { parseLabelSelector } from "@/lib/client/label-selector";
import { kubeAge, useNow } from "@/lib/client/use-now";
import { useKubeRows } from "@/lib/client/use-kube-rows";
import { useWindowedRows } from "@/lib/client/use-windowed-rows";
import type { KubeKindInfo } from "@/lib/kube/kinds/kind-info";
import type { CellValue } from "@/lib/kube/kinds/kind";
import type { KubeRow } from "@/lib/kube/kinds/row";
import { Alert } from "../ui/alert";
import { HealthDot } from "./health-dot";

const ROW_HEIGHT = 34;

type SortKey = { column: number | "name" | "namespace"; descending: boolean };

function compare(a: CellValue, b: CellValue, type: string | undefined): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  // Ages sort by time: an older timestamp is a larger age.
  if (type === "age") return String(b).localeCompare(String(a));
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

export function KubeList({
  endpointId,
  resource,
  kind,
  namespace,
}: {
  endpointId: string;
  resource: string;
  kind: KubeKindInfo;
  namespace: string | null;
}) {
  const { rows, error, loading, stale } = useKubeRows({ endpointId, resource, namespace });
  const [text, setText] = useState("");
  const [selector, setSelector] = useState("");
  const [sort, setSort] = useState<SortKey>({ column: "name", descending: false });
  const now = useNow();
  const viewport = useRef<HTMLDivElement>(null);
  const parsedSelector = useMemo(() => parseLabelSelector(selector), [selector]);

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
    filtered.sort((a, b) => compare(key(a), key(b), type) * (sort.descending ? -1 : 1));
    return filtered;
  }, [rows, text, parsedSelector, sort, kind]);

  const { start, end, padTop, padBottom } = useWindowedRows({ count: shown.length, rowHeight: ROW_HEIGHT, viewport });
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
      <div ref={viewport} className="max-h-[72vh] overflow-auto rounded-lg border border-line bg-panel">
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
            {shown.slice(start, end).map((r) => (
              <tr
                key={r.uid}
                style={{ height: ROW_HEIGHT }}
                className={`border-b border-line last:border-0 ${r.deleting ? "opacity-50" : ""}`}
                data-testid="kube-row"
              >
                <td className="px-3">
                  <span className="flex items-center gap-2">
                    <HealthDot health={r.health} />
                    <Link href={detailHref(r)} className="truncate font-medium hover:underline">
                      {r.name}
                    </Link>
                  </span>
                </td>
                {showNamespace ? <td className="px-3 text-muted">{r.namespace}</td> : null}
                {kind.columns.map((c, i) => (
                  <td key={c.header} className="max-w-xs truncate px-3">
                    {c.type === "age" ? kubeAge(r.cells[i] as string | null, now) : (r.cells[i] ?? "—")}
                  </td>
                ))}
              </tr>
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
