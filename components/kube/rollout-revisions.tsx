"use client";

// The revisions of a Deployment, StatefulSet or DaemonSet (newest first, the current one marked),
// each with "Roll back to this" for whoever may — what `kubectl rollout history` and
// `kubectl rollout undo --to-revision` do.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { api } from "@/lib/client/api";
import { kubeAge, useNow } from "@/lib/client/use-now";
import { KUBE_ACTION_PERMISSIONS, type KubeObject } from "@/lib/kube/kinds/kind";
import type { KubeKindInfo } from "@/lib/kube/kinds/kind-info";
import type { RevisionRow } from "@/lib/kube/rollout-history";
import { can, type EndpointAccess } from "@/lib/rbac/can";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";

export function RolloutRevisions(props: {
  endpointId: string;
  resource: string;
  kind: KubeKindInfo;
  object: KubeObject;
  revisions: RevisionRow[];
  access: EndpointAccess;
}) {
  const { endpointId, resource, kind, object, revisions } = props;
  const router = useRouter();
  const now = useNow();
  const [busy, setBusy] = useState<number | null>(null);
  const mayRollBack = kind.actions.includes("rollback") && can(props.access, KUBE_ACTION_PERMISSIONS.rollback);
  const { name, namespace } = object.metadata;

  // Confirmed before this runs (the button's dialog); the outcome is a toast.
  const rollBack = async (revision: number) => {
    setBusy(revision);
    try {
      await api(
        `/api/endpoints/${endpointId}/kube/${resource}/${encodeURIComponent(name)}/rollback?namespace=${encodeURIComponent(namespace ?? "")}`,
        { body: { revision } },
      );
      toast.success(`Rolled ${kind.kind} ${name} back to revision ${revision}`);
      router.refresh();
    } catch (e) {
      toast.error("Roll back failed", { description: (e as Error).message });
    } finally {
      setBusy(null);
    }
  };

  if (!revisions.length) return <span className="text-muted">No revisions recorded.</span>;
  return (
    <div className="space-y-2">
      <table className="w-full text-left" data-testid="revisions">
        <thead className="text-xs uppercase text-muted">
          <tr>
            <th className="py-1 pr-3">Revision</th>
            <th className="py-1 pr-3">Created</th>
            <th className="py-1 pr-3">Images</th>
            {kind.kind === "Deployment" ? <th className="py-1 pr-3">Replicas</th> : null}
            <th className="py-1 pr-3">Change cause</th>
            <th className="py-1" />
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.name} className="border-t border-line" data-testid={`revision-${r.revision}`}>
              <td className="py-1 pr-3">
                {r.revision}
                {r.current ? <span className="ml-2 text-ok">current</span> : null}
              </td>
              <td className="py-1 pr-3" title={r.created ?? undefined}>
                {kubeAge(r.created, now)}
              </td>
              <td className="py-1 pr-3">
                <code className="text-xs">{r.images.join(", ")}</code>
              </td>
              {kind.kind === "Deployment" ? <td className="py-1 pr-3">{r.replicas ?? ""}</td> : null}
              <td className="py-1 pr-3">{r.changeCause ?? ""}</td>
              <td className="py-1 text-right">
                {mayRollBack && !r.current ? (
                  <ConfirmDialog
                    title={`Roll ${kind.kind} ${name} back to revision ${r.revision}?`}
                    description={`Its pods get revision ${r.revision}'s template: ${r.images.join(", ")}.`}
                    confirmLabel="Roll back"
                    onConfirm={() => void rollBack(r.revision)}
                  >
                    <Button disabled={busy !== null}>
                      {busy === r.revision ? "Rolling back…" : "Roll back to this"}
                    </Button>
                  </ConfirmDialog>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
