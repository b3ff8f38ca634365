"use client";

import { useState, type FormEvent } from "react";
import type { EndpointRole } from "@/lib/rbac/actions";
import { api } from "@/lib/client/api";
import { useDockerList } from "@/lib/client/use-docker-list";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Input } from "../ui/field";
import { LiveIndicator } from "./live-indicator";
import { PullImage } from "./pull-image";
import { KIND_VIEWS, type KindView, type ResourceKind } from "./resource-columns";

export function ResourceList<T>({
  endpointId,
  kind,
  initial,
  role,
}: {
  endpointId: string;
  kind: ResourceKind;
  initial: T[];
  role: EndpointRole | null;
}) {
  const view = KIND_VIEWS[kind] as unknown as KindView<T>;
  const { rows, error: loadError, reload, live } = useDockerList<T>(endpointId, kind, initial);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const admin = role === "ENDPOINT_ADMIN";
  const base = `/api/endpoints/${endpointId}/docker/${kind}`;

  async function act(run: () => Promise<void>) {
    setError(null);
    setNotice(null);
    try {
      await run();
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const remove = (row: T) =>
    act(async () => {
      if (!confirm(`Remove ${view.label(row)}?`)) return;
      await api(`${base}/${encodeURIComponent(view.key(row))}`, { method: "DELETE" });
    });
  const prune = () =>
    act(async () => {
      if (!confirm(`${view.pruneLabel}?`)) return;
      const result = await api<{ removed: number; reclaimedBytes?: number }>(`${base}/prune`, { body: {} });
      setNotice(`Removed ${result.removed}.`);
    });
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = Object.fromEntries([...new FormData(form)].filter(([, v]) => String(v).trim() !== ""));
    return act(async () => {
      await api(base, { body: values });
      form.reset();
    });
  };

  return (
    <div className="space-y-3">
      <div className="flex items-center gap-2">
        <h1 className="text-xl font-semibold">{view.title}</h1>
        <LiveIndicator live={live} />
        {admin ? (
          <Button className="ml-auto" onClick={() => void prune()}>
            {view.pruneLabel}
          </Button>
        ) : null}
      </div>
      {kind === "images" && admin ? <PullImage endpointId={endpointId} onPulled={reload} /> : null}
      {view.create && admin ? (
        <form onSubmit={create} className="flex items-center gap-2">
          {view.create.map((f) => (
            <Input
              key={f.name}
              name={f.name}
              aria-label={f.label}
              placeholder={f.placeholder ?? f.label}
              required={f.name === "name"}
            />
          ))}
          <Button type="submit" variant="primary">
            Create
          </Button>
        </form>
      ) : null}
      {error || loadError ? <Alert>{error ?? loadError}</Alert> : null}
      {notice ? <Alert tone="ok">{notice}</Alert> : null}
      <div className="overflow-x-auto rounded-lg border border-line bg-panel">
        <table className="w-full text-left">
          <thead className="border-b border-line text-xs uppercase text-muted">
            <tr>
              {view.columns.map((c) => (
                <th key={c.header} className="px-3 py-2 font-medium">
                  {c.header}
                </th>
              ))}
              {admin ? <th className="px-3 py-2" /> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={view.key(row)} className="border-b border-line last:border-0" data-testid={`${kind}-row`}>
                {view.columns.map((c) => (
                  <td key={c.header} className="px-3 py-2">
                    {c.cell(row)}
                  </td>
                ))}
                {admin ? (
                  <td className="px-3 py-2 text-right">
                    <button className="text-xs text-bad" onClick={() => void remove(row)}>
                      remove
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="p-4 text-muted">None.</p> : null}
      </div>
    </div>
  );
}
