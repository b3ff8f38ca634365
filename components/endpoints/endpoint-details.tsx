"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { api } from "@/lib/client/api";
import { useLiveEndpoints } from "@/lib/client/use-live-endpoints";
import type { CheckResult } from "@/lib/endpoints/check-connection";
import type { EndpointView } from "@/lib/endpoints/view";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import type { Mode } from "./connection-fields";
import { EndpointForm } from "./endpoint-form";
import { StatusBadge } from "./status-badge";

export function EndpointDetails({
  endpoint: initial,
  canManage,
}: {
  endpoint: EndpointView & { mode: Mode };
  canManage: boolean;
}) {
  const router = useRouter();
  const { endpoints } = useLiveEndpoints([initial]);
  // The hook also receives other endpoints' changes; this page shows only its own.
  const endpoint = { ...initial, ...endpoints.find((e) => e.id === initial.id) };
  const [editing, setEditing] = useState(false);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState(false);

  // The page shows what changed (it follows the endpoint live); a refusal is a toast in the server's words.
  async function act(run: () => Promise<void>) {
    setBusy(true);
    try {
      await run();
    } catch (e) {
      toast.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const test = () =>
    act(async () =>
      setResult((await api<{ result: CheckResult }>(`/api/endpoints/${endpoint.id}/test`, { body: {} })).result),
    );
  // Confirmed before this runs (the Remove button's dialog).
  const remove = () =>
    act(async () => {
      await api(`/api/endpoints/${endpoint.id}`, { method: "DELETE" });
      toast.success(`Removed endpoint ${endpoint.name}`);
      router.push("/");
      router.refresh();
    });
  const forgetKey = () =>
    act(
      async () =>
        void (await api(`/api/endpoints/${endpoint.id}`, { method: "PATCH", body: { forgetSshHostKey: true } })),
    );

  const rows: [string, React.ReactNode][] = [
    ["Kind", endpoint.kind === "DOCKER" ? "Docker" : "Kubernetes"],
    ["Address", <code key="a">{endpoint.url}</code>],
    ["Authentication", endpoint.authKind + (endpoint.context ? ` (context ${endpoint.context})` : "")],
    ["Credentials", endpoint.hasCredentials ? "set" : "none"],
    ["Version", endpoint.version ?? "—"],
    [
      "Status",
      <span key="s">
        <StatusBadge status={endpoint.status} />{" "}
        {endpoint.lastError ? <span className="text-bad">{endpoint.lastError}</span> : null}
      </span>,
    ],
    ["Last checked", endpoint.lastCheckedAt ? new Date(endpoint.lastCheckedAt).toLocaleString() : "never"],
  ];
  const setHostBinds = (allowHostBinds: boolean) =>
    act(async () => void (await api(`/api/endpoints/${endpoint.id}`, { method: "PATCH", body: { allowHostBinds } })));
  if (endpoint.kind === "DOCKER")
    rows.push([
      "Host bind mounts",
      <span key="b">
        {endpoint.allowHostBinds
          ? "allowed (except / and the dashboard's own data directory)"
          : "not allowed (named volumes only)"}{" "}
        {canManage ? (
          <Button onClick={() => void setHostBinds(!endpoint.allowHostBinds)} disabled={busy}>
            {endpoint.allowHostBinds ? "Disallow" : "Allow"}
          </Button>
        ) : null}
      </span>,
    ]);
  if (endpoint.kind === "KUBERNETES")
    rows.push([
      "Impersonation",
      endpoint.impersonate
        ? "on: changes, secret values, logs and object pages are requested as the signed-in person and their teams"
        : "off: every request uses this endpoint's credentials",
    ]);
  if (endpoint.authKind === "ssh")
    rows.push(["SSH host key", endpoint.sshHostKey ? <code key="k">{endpoint.sshHostKey}</code> : "not recorded yet"]);

  return (
    <div className="space-y-4">
      <div className="flex items-center gap-2">
        <h1 className="text-xl font-semibold">{endpoint.name}</h1>
        <div className="ml-auto flex gap-2">
          <Button onClick={() => void test()} disabled={busy}>
            Test connection
          </Button>
          {canManage ? (
            <Button onClick={() => setEditing((v) => !v)}>{editing ? "Close editor" : "Edit"}</Button>
          ) : null}
          {canManage && endpoint.authKind === "ssh" && endpoint.sshHostKey ? (
            <Button onClick={() => void forgetKey()} disabled={busy}>
              Forget host key
            </Button>
          ) : null}
          {canManage ? (
            <ConfirmDialog
              title={`Remove endpoint ${endpoint.name}?`}
              description="Its grants are removed too. Nothing changes on the engine or cluster itself."
              confirmLabel="Remove"
              destructive
              onConfirm={() => void remove()}
            >
              <Button variant="danger" disabled={busy}>
                Remove
              </Button>
            </ConfirmDialog>
          ) : null}
        </div>
      </div>
      {result ? (
        result.ok ? (
          <Alert tone="ok">
            Connected: {result.version}
            {result.detail ? ` · ${result.detail}` : ""}
          </Alert>
        ) : (
          <Alert>{result.message}</Alert>
        )
      ) : null}
      <dl className="grid max-w-2xl grid-cols-[10rem_1fr] gap-x-4 gap-y-2 rounded-lg border border-line bg-panel p-5">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {editing ? <EndpointForm existing={endpoint} /> : null}
    </div>
  );
}
