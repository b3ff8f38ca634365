// What each Kubernetes action does, as calls on the generic API (the permission each needs is in
// the client-safe descriptor, KUBE_ACTION_PERMISSIONS). Every action answers with the object
// before and after, for the audit log.
import { z } from "zod";
import { badRequest } from "../errors";
import type { KubeApi } from "./kube-api";
import { resourcePath, type KubeActionName, type KubeKind, type KubeObject } from "./kinds/kind";
import { mergePatch, readObject, withoutManagedFields } from "./resources";

export const kubeActionBody = z.object({ replicas: z.number().int().min(0).max(10_000).optional() }).default({});

type Body = z.infer<typeof kubeActionBody>;
type Target = { kind: KubeKind; name: string; namespace?: string };
type Run = (api: KubeApi, target: Target, body: Body) => Promise<KubeObject>;

const patch =
  (value: unknown): Run =>
  (api, t) =>
    mergePatch(api, t.kind, t.name, t.namespace, value);

const ACTIONS: Partial<Record<KubeActionName, Run>> = {
  scale: async (api, t, body) => {
    if (body.replicas === undefined) throw badRequest("replicas: how many replicas?");
    await api({
      method: "PATCH",
      path: `${resourcePath(t.kind, { namespace: t.namespace, name: t.name })}/scale`,
      body: { spec: { replicas: body.replicas } },
      contentType: "application/merge-patch+json",
      query: { fieldManager: "fleetdeck" },
    });
    return readObject(api, t.kind, t.name, t.namespace);
  },
  // What `kubectl rollout restart` does: a new pod template annotation makes a new rollout.
  restart: (api, t) =>
    mergePatch(api, t.kind, t.name, t.namespace, {
      spec: {
        template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": new Date().toISOString() } } },
      },
    }),
  pause: patch({ spec: { paused: true } }),
  resume: patch({ spec: { paused: null } }),
  cordon: patch({ spec: { unschedulable: true } }),
  uncordon: patch({ spec: { unschedulable: null } }),
  suspend: patch({ spec: { suspend: true } }),
  unsuspend: patch({ spec: { suspend: false } }),
};

/** Runs an action the kind offers; the object before and after it. */
export async function runKubeAction(
  api: KubeApi,
  target: Target,
  action: KubeActionName,
  body: Body,
): Promise<{ before: KubeObject; after: KubeObject }> {
  const run = ACTIONS[action];
  if (!run || !target.kind.actions.includes(action))
    throw badRequest(`${target.kind.title} cannot be asked to ${action} here`);
  const before = await readObject(api, target.kind, target.name, target.namespace);
  const after = withoutManagedFields(await run(api, target, body));
  return { before, after };
}
