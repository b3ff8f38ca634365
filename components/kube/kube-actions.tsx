"use client";

// The actions a kind offers on one object (from its descriptor), shown only when the person's role
// allows them (the same table the server enforces), each with the API server's own words on failure.
// Rollback lives in the Revisions section, drain in its own panel (it streams its progress).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { api } from "@/lib/client/api";
import { encodeSource } from "@/lib/client/log-sources-param";
import { WORKLOAD_KINDS, type WorkloadKind } from "@/lib/kube/workload-kinds";
import { KUBE_ACTION_PERMISSIONS, type KubeActionName, type KubeObject } from "@/lib/kube/kinds/kind";
import type { KubeKindInfo } from "@/lib/kube/kinds/kind-info";
import { can, type EndpointAccess } from "@/lib/rbac/can";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { DrainNode } from "./drain-node";

const LABELS: Record<KubeActionName, string> = {
  delete: "Delete",
  scale: "Scale",
  restart: "Rollout restart",
  pause: "Pause rollout",
  resume: "Resume rollout",
  cordon: "Cordon",
  uncordon: "Uncordon",
  suspend: "Suspend",
  unsuspend: "Resume",
  rollback: "Roll back",
  drain: "Drain",
  "create-job": "Create job now",
  logs: "Logs",
  reveal: "Reveal values",
};

// What a toast says when a one-button action worked, before the object's kind and name.
const DONE: Partial<Record<KubeActionName, string>> = {
  restart: "Restarted the rollout of",
  pause: "Paused the rollout of",
  resume: "Resumed the rollout of",
  cordon: "Cordoned",
  uncordon: "Uncordoned",
  suspend: "Suspended",
  unsuspend: "Resumed",
};

// Actions with controls of their own (not one button each).
const OWN_CONTROLS: KubeActionName[] = ["logs", "scale", "rollback", "drain"];

/** Which actions make sense in the object's current state (a paused deployment can only resume). */
function applicable(action: KubeActionName, object: KubeObject): boolean {
  const spec = (object.spec ?? {}) as { paused?: boolean; unschedulable?: boolean; suspend?: boolean };
  if (action === "pause") return !spec.paused;
  if (action === "resume") return Boolean(spec.paused);
  if (action === "cordon") return !spec.unschedulable;
  if (action === "uncordon") return Boolean(spec.unschedulable);
  if (action === "suspend") return !spec.suspend;
  if (action === "unsuspend") return Boolean(spec.suspend);
  return true;
}

function logsHref(endpointId: string, kind: KubeKindInfo, object: KubeObject): string | null {
  const namespace = object.metadata.namespace ?? "";
  if (kind.kind === "Pod")
    return `/logs?s=${encodeSource({ endpointId, target: { kind: "pod", namespace, pod: object.metadata.name } })}`;
  if ((WORKLOAD_KINDS as readonly string[]).includes(kind.kind))
    return `/logs?s=${encodeSource({ endpointId, target: { kind: "workload", namespace, workload: kind.kind as WorkloadKind, name: object.metadata.name } })}`;
  return null;
}

export function KubeActions(props: {
  endpointId: string;
  kind: KubeKindInfo;
  resource: string;
  object: KubeObject;
  access: EndpointAccess;
  onChanged(object: KubeObject | null): void;
  onRevealed(values: Record<string, { value: string; encoding: string }>): void;
}) {
  const { endpointId, kind, resource, object, access } = props;
  const router = useRouter();
  const [busy, setBusy] = useState<KubeActionName | null>(null);
  const spec = (object.spec ?? {}) as { replicas?: number };
  const [replicas, setReplicas] = useState(String(spec.replicas ?? 0));
  const namespace = object.metadata.namespace;
  const path = `/api/endpoints/${endpointId}/kube/${resource}/${encodeURIComponent(object.metadata.name)}`;
  const query = namespace ? `?namespace=${encodeURIComponent(namespace)}` : "";

  const what = `${kind.kind} ${object.metadata.name}`;
  // Deletion is confirmed before this runs (the Delete button's dialog). Reveal shows its result
  // on the page; every other outcome is a toast, a failure in the API server's own words.
  const run = async (action: KubeActionName) => {
    setBusy(action);
    try {
      if (action === "delete") {
        await api(`${path}${query}`, { method: "DELETE" });
        toast.success(`Deleted ${what}`);
        props.onChanged(null);
        router.push(`/endpoints/${endpointId}/kube/${resource}${query}`);
      } else if (action === "reveal") {
        props.onRevealed(
          (
            await api<{ values: Record<string, { value: string; encoding: string }> }>(`${path}/reveal${query}`, {
              body: {},
            })
          ).values,
        );
      } else if (action === "create-job") {
        const { created } = await api<{ created: { resource: string; name: string } }>(`${path}/${action}${query}`, {
          body: {},
        });
        toast.success(`Created job ${created.name}`);
        router.push(`/endpoints/${endpointId}/kube/${created.resource}/${encodeURIComponent(created.name)}${query}`);
      } else {
        const body = action === "scale" ? { replicas: Number(replicas) } : {};
        props.onChanged((await api<{ object: KubeObject }>(`${path}/${action}${query}`, { body })).object);
        toast.success(
          action === "scale" ? `Scaled ${what} to ${Number(replicas)}` : `${DONE[action] ?? LABELS[action]} ${what}`,
        );
        // The server page reads the object again (YAML, events) and remounts with it.
        router.refresh();
      }
    } catch (e) {
      toast.error(`${LABELS[action]} failed`, { description: (e as Error).message });
    } finally {
      setBusy(null);
    }
  };

  const allowed = kind.actions.filter((a) => can(access, KUBE_ACTION_PERMISSIONS[a]) && applicable(a, object));
  const logs = allowed.includes("logs") ? logsHref(endpointId, kind, object) : null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {logs ? (
          <a href={logs} className="rounded-md border border-line bg-panel px-3 py-1.5 font-medium hover:bg-canvas">
            Logs
          </a>
        ) : null}
        {kind.kind === "Pod" && can(access, "workload.exec") ? (
          <a
            href={`/endpoints/${endpointId}/kube/pods/${encodeURIComponent(object.metadata.name)}/terminal${query}`}
            className="rounded-md border border-line bg-panel px-3 py-1.5 font-medium hover:bg-canvas"
          >
            Terminal
          </a>
        ) : null}
        {allowed.includes("scale") ? (
          <span className="flex items-center gap-1">
            <input
              aria-label="Replicas"
              type="number"
              min={0}
              className="w-20 rounded-md border border-line bg-panel px-2 py-1.5"
              value={replicas}
              onChange={(e) => setReplicas(e.target.value)}
            />
            <Button onClick={() => void run("scale")} disabled={busy !== null}>
              {busy === "scale" ? "Scaling…" : "Scale"}
            </Button>
          </span>
        ) : null}
        {allowed
          .filter((a) => !OWN_CONTROLS.includes(a))
          .map((a) =>
            a === "delete" ? (
              <ConfirmDialog
                key={a}
                title={`Delete ${what}?`}
                confirmLabel="Delete"
                destructive
                onConfirm={() => void run(a)}
              >
                <Button variant="danger" disabled={busy !== null}>
                  {busy === a ? `${LABELS[a]}…` : LABELS[a]}
                </Button>
              </ConfirmDialog>
            ) : (
              <Button key={a} onClick={() => void run(a)} disabled={busy !== null}>
                {busy === a ? `${LABELS[a]}…` : LABELS[a]}
              </Button>
            ),
          )}
      </div>
      {allowed.includes("drain") ? (
        <DrainNode
          path={path}
          node={object.metadata.name}
          disabled={busy !== null}
          onCordoned={() => props.onChanged({ ...object, spec: { ...(object.spec ?? {}), unschedulable: true } })}
        />
      ) : null}
    </div>
  );
}
