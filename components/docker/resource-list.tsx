"use client";

// The page of any listed Docker kind (images, volumes, networks), drawn from its descriptor:
// live table, create form, prune, extras such as pull; each offered only if `can` says so.
import { ListEmpty } from "../ui/list-empty";
import { emptyReason } from "@/lib/client/empty-reason";
import { Fragment, useState, type FormEvent, type ReactNode } from "react";
import { toast } from "sonner";
import type { ListExtra } from "@/lib/docker/kinds/kind";
import { dockerKind, type DockerResource } from "@/lib/docker/kinds/registry";
import type { Action } from "@/lib/rbac/actions";
import { can, type EndpointAccess } from "@/lib/rbac/can";
import { api } from "@/lib/client/api";
import { useDockerList } from "@/lib/client/use-docker-list";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Input } from "../ui/field";
import { LiveIndicator } from "./live-indicator";
import { PullImage } from "./pull-image";
import { ResourceCell } from "./resource-cell";

const EXTRAS: Record<ListExtra, (props: { endpointId: string; onDone: () => void }) => ReactNode> = {
  pull: ({ endpointId, onDone }) => <PullImage endpointId={endpointId} onPulled={onDone} />,
};

export function ResourceList({
  endpointId,
  resource,
  initial,
  access,
}: {
  endpointId: string;
  resource: DockerResource;
  initial: unknown[];
  access: EndpointAccess;
}) {
  const kind = dockerKind(resource);
  const { rows, error: loadError, reload, live } = useDockerList(endpointId, kind, initial);
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLowerCase();
  // Everything the engine said of a row (names, tags, ids, drivers, labels) can be searched.
  const shown = needle ? rows.filter((row) => JSON.stringify(row).toLowerCase().includes(needle)) : rows;
  const createFields = can(access, kind.actions.create) ? kind.createFields : undefined;
  const mayRemove = can(access, kind.actions.remove);
  const mayPrune = can(access, kind.actions.prune);
  const extras = (Object.entries(kind.extras ?? {}) as [ListExtra, Action][]).filter(([, action]) =>
    can(access, action),
  );
  const base = `/api/endpoints/${endpointId}/docker/${resource}`;

  /** Runs one change, says how it went (the engine's own words on failure), and reads the list again. */
  async function act(run: () => Promise<string>) {
    try {
      toast.success(await run());
      reload();
    } catch (e) {
      toast.error((e as Error).message);
    }
  }

  const remove = (row: unknown) =>
    act(async () => {
      await api(`${base}/${encodeURIComponent(kind.key(row))}`, { method: "DELETE" });
      return `Removed ${kind.singular} ${kind.label(row)}`;
    });
  const pruneLabel = `Remove ${kind.pruneWhat}`;
  const prune = () =>
    act(async () => {
      const result = await api<{ removed: number; reclaimedBytes?: number }>(`${base}/prune`, { body: {} });
      return `Removed ${result.removed} ${kind.pruneWhat}`;
    });
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = Object.fromEntries([...new FormData(form)].filter(([, v]) => String(v).trim() !== ""));
    return act(async () => {
      await api(base, { body: values });
      form.reset();
      return `Created ${kind.singular} ${String(values.name ?? "")}`.trim();
    });
  };

  return (
    <div className="space-y-3">
      <div className="flex items-center gap-2">
        <h1 className="text-xl font-semibold">{kind.title}</h1>
        <LiveIndicator live={live} />
        <div className="ml-4 w-64">
          <Input
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            aria-label={`Filter ${kind.title.toLowerCase()}`}
            placeholder={`Filter ${kind.title.toLowerCase()}  ( / )`}
            data-shortcut-filter
          />
        </div>
        {mayPrune ? (
          <ConfirmDialog title={`${pruneLabel}?`} confirmLabel="Remove" destructive onConfirm={() => void prune()}>
            <Button className="ml-auto">{pruneLabel}</Button>
          </ConfirmDialog>
        ) : null}
      </div>
      {extras.map(([extra]) => (
        <Fragment key={extra}>{EXTRAS[extra]({ endpointId, onDone: reload })}</Fragment>
      ))}
      {createFields ? (
        <form onSubmit={create} className="flex items-center gap-2">
          {createFields.map((f) => (
            <Input
              key={f.name}
              name={f.name}
              aria-label={f.label}
              placeholder={f.placeholder ?? f.label}
              required={f.required}
            />
          ))}
          <Button type="submit" variant="primary">
            Create
          </Button>
        </form>
      ) : null}
      {loadError ? <Alert>{loadError}</Alert> : null}
      <div className="overflow-x-auto rounded-lg border border-line bg-panel">
        <table className="w-full text-left">
          <thead className="border-b border-line text-xs uppercase text-muted">
            <tr>
              {kind.columns.map((c) => (
                <th key={c.header} className="px-3 py-2 font-medium">
                  {c.header}
                </th>
              ))}
              {mayRemove ? <th className="px-3 py-2" /> : null}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={kind.key(row)} className="border-b border-line last:border-0" data-testid={`${resource}-row`}>
                {kind.columns.map((c) => (
                  <td key={c.header} className="px-3 py-2">
                    <ResourceCell cell={c.cell(row)} />
                  </td>
                ))}
                {mayRemove ? (
                  <td className="px-3 py-2 text-right">
                    <ConfirmDialog
                      title={`Remove ${kind.singular} ${kind.label(row)}?`}
                      confirmLabel="Remove"
                      destructive
                      onConfirm={() => void remove(row)}
                    >
                      <button className="text-xs text-bad">remove</button>
                    </ConfirmDialog>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <ListEmpty reason={emptyReason({ error: loadError, total: 0 })} things={kind.title.toLowerCase()} total={0} />
        ) : shown.length === 0 ? (
          <ListEmpty reason="filtered" things={kind.title.toLowerCase()} total={rows.length} />
        ) : null}
      </div>
    </div>
  );
}
