"use client";

import { ListEmpty } from "../ui/list-empty";
import { emptyReason } from "@/lib/client/empty-reason";
import { useCallback, useMemo, useRef, useState } from "react";
import { CONTAINER_ACTION_PERMISSIONS, type ContainerAction } from "@/lib/docker/container-action-permissions";
import type { ContainerRow } from "@/lib/docker/container-view";
import { can, type EndpointAccess } from "@/lib/rbac/can";
import { runContainerActions } from "@/lib/client/run-container-actions";
import { useContainerRows } from "@/lib/client/use-container-rows";
import { useVirtualRows } from "@/lib/client/use-virtual-rows";
import { toastContainerResults } from "@/lib/client/toast-container-results";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ContainerTableRow } from "./container-table-row";
import { LiveIndicator } from "./live-indicator";

const ROW_HEIGHT = 41;
const STATES = ["all", "running", "exited", "paused", "created"] as const;

type StateGroup = "running" | "paused" | "other";
// The buttons a row may offer in each state, and the bulk ones; each is shown if `can` allows it.
const ROW_ACTIONS: Record<StateGroup, ContainerAction[]> = {
  running: ["stop", "restart", "pause", "kill", "remove"],
  paused: ["unpause", "kill", "remove"],
  other: ["start", "remove"],
};
const BULK_ACTIONS: ContainerAction[] = ["start", "stop", "restart", "remove"];

const stateGroup = (row: ContainerRow): StateGroup =>
  row.state === "running" || row.state === "paused" ? row.state : "other";

export function ContainersTable({
  endpointId,
  initial,
  access,
}: {
  endpointId: string;
  initial: ContainerRow[];
  access: EndpointAccess;
}) {
  const { rows, live } = useContainerRows(endpointId, initial);
  const [text, setText] = useState("");
  const [state, setState] = useState<(typeof STATES)[number]>("all");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<Set<string>>(new Set());
  const viewport = useRef<HTMLDivElement>(null);

  const visible = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return rows.filter(
      (r) =>
        (state === "all" || r.state === state) &&
        (!needle ||
          [r.name, r.image, r.project ?? "", ...Object.entries(r.labels).map(([k, v]) => `${k}=${v}`)].some((s) =>
            s.toLowerCase().includes(needle),
          )),
    );
  }, [rows, text, state]);
  // Filtered once per access, so memoized rows see the same arrays when nothing changed.
  const { role, isAdmin } = access;
  const allowed = useMemo(() => {
    const may = (a: ContainerAction) => can({ role, isAdmin }, CONTAINER_ACTION_PERMISSIONS[a]);
    return {
      row: {
        running: ROW_ACTIONS.running.filter(may),
        paused: ROW_ACTIONS.paused.filter(may),
        other: ROW_ACTIONS.other.filter(may),
      },
      bulk: BULK_ACTIONS.filter(may),
    };
  }, [role, isAdmin]);
  const {
    rows: inView,
    padTop,
    padBottom,
  } = useVirtualRows({ count: visible.length, rowHeight: ROW_HEIGHT, viewport });

  // Removal is confirmed before this runs (the row's and the bulk button's dialogs).
  const run = useCallback(
    async (action: ContainerAction, targets: { id: string; name: string }[]) => {
      const ids = targets.map((t) => t.id);
      setBusy((b) => new Set([...b, ...ids]));
      const failures = await runContainerActions(endpointId, action, targets);
      setBusy((b) => new Set([...b].filter((id) => !ids.includes(id))));
      toastContainerResults(action, targets, failures);
      if (action === "remove") setSelected(new Set());
    },
    [endpointId],
  );
  const toggle = useCallback(
    (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id]))),
    [],
  );
  const act = useCallback((action: ContainerAction, row: ContainerRow) => void run(action, [row]), [run]);

  const selectedRows = () => rows.filter((r) => selected.has(r.id));
  const allSelected = visible.length > 0 && visible.every((r) => selected.has(r.id));
  const bulk = allowed.bulk;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Filter by name, image, project or label  ( / )"
          aria-label="Filter containers"
          data-shortcut-filter
          className="w-80 rounded-md border border-line bg-panel px-2.5 py-1.5"
        />
        <div className="flex overflow-hidden rounded-md border border-line" role="group" aria-label="State">
          {STATES.map((s) => (
            <button
              key={s}
              onClick={() => setState(s)}
              className={`px-2.5 py-1.5 text-xs ${state === s ? "bg-accent text-white" : "bg-panel"}`}
              aria-pressed={state === s}
            >
              {s} ({s === "all" ? rows.length : rows.filter((r) => r.state === s).length})
            </button>
          ))}
        </div>
        {selected.size > 0 && bulk.length > 0 ? (
          <div className="flex items-center gap-1">
            <span className="text-muted">{selected.size} selected:</span>
            {bulk.map((a) =>
              a === "remove" ? (
                <ConfirmDialog
                  key={a}
                  title={`Remove ${selected.size === 1 ? "1 container" : `${selected.size} containers`}?`}
                  description="Running ones are stopped first."
                  confirmLabel="Remove"
                  destructive
                  onConfirm={() => void run(a, selectedRows())}
                >
                  <Button variant="danger">{a}</Button>
                </ConfirmDialog>
              ) : (
                <Button key={a} onClick={() => void run(a, selectedRows())}>
                  {a}
                </Button>
              ),
            )}
          </div>
        ) : null}
        <span className="ml-auto">
          <LiveIndicator live={live} />
        </span>
      </div>
      <div
        ref={viewport}
        className="max-h-[70vh] overflow-auto rounded-lg border border-line bg-panel"
        data-testid="containers-viewport"
      >
        <table className="w-full min-w-[72rem] table-fixed text-left">
          <thead className="sticky top-0 z-10 border-b border-line bg-panel text-xs uppercase text-muted">
            <tr>
              <th className="w-8 px-3 py-2">
                <input
                  type="checkbox"
                  aria-label="Select all"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(visible.map((r) => r.id)))}
                />
              </th>
              <th className="w-1/5 px-3 py-2">Name</th>
              <th className="px-3 py-2">Image</th>
              <th className="w-32 px-3 py-2">State</th>
              <th className="w-24 px-3 py-2">Created</th>
              <th className="w-32 px-3 py-2">Ports</th>
              <th className="w-28 px-3 py-2">Project</th>
              <th className="w-40 px-3 py-2">Usage</th>
              <th className="w-80 px-3 py-2">Actions</th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 ? <tr style={{ height: padTop }} /> : null}
            {inView
              .map(({ index }) => visible[index]!)
              .map((r) => (
                <ContainerTableRow
                  key={r.id}
                  row={r}
                  endpointId={endpointId}
                  height={ROW_HEIGHT}
                  actions={allowed.row[stateGroup(r)]}
                  selected={selected.has(r.id)}
                  busy={busy.has(r.id)}
                  onToggle={toggle}
                  onAction={act}
                />
              ))}
            {padBottom > 0 ? <tr style={{ height: padBottom }} /> : null}
          </tbody>
        </table>
        {visible.length === 0 ? (
          <ListEmpty reason={emptyReason({ total: rows.length })} things="containers" total={rows.length} />
        ) : null}
      </div>
    </div>
  );
}
