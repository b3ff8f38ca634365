// What each Kubernetes action does, as calls on the generic API (the permission each needs is in
// the client-safe descriptor, KUBE_ACTION_PERMISSIONS). Every action answers with the object
// before and after, for the audit log, or with the object it made (a Job from a CronJob).
import { z } from "zod";
import { badRequest } from "../errors";
import type { KubeApi } from "./kube-api";
import { resourcePath, type KubeActionName, type KubeKind, type KubeObject } from "./kinds/kind";
import { createJobFromCronJob, JOBS } from "./job-from-cronjob";
import { mergePatch, readObject, withoutManagedFields } from "./resources";
import { rollBack } from "./rollback";

export const kubeActionBody = z
  .object({
    replicas: z.number().int().min(0).max(10_000).optional(),
    /** For rollback: the revision to return to (as the Revisions list numbers them). */
    revision: z.number().int().min(1).max(2_147_483_647).optional(),
  })
  .default({});

type Body = z.infer<typeof kubeActionBody>;
type Target = { kind: KubeKind; name: string; namespace?: string };
type Run = (api: KubeApi, target: Target, body: Body, before: KubeObject) => Promise<KubeObject>;

export type KubeActionResult =
  | { before: KubeObject; after: KubeObject }
  /** The action made a new object (of `kind`) rather than change this one. */
  | { created: KubeObject; kind: KubeKind };

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
  rollback: (api, t, body, before) => {
    if (body.revision === undefined) throw badRequest("revision: which revision to roll back to?");
    return rollBack(api, t, before, body.revision);
  },
};

/** Actions that make a new object from this one, and the kind of what they make. */
const MAKERS: Partial<
  Record<KubeActionName, { kind: KubeKind; make(api: KubeApi, from: KubeObject): Promise<KubeObject> }>
> = { "create-job": { kind: JOBS, make: createJobFromCronJob } };

/** Runs an action the kind offers; the object before and after it, or what it made. */
export async function runKubeAction(
  api: KubeApi,
  target: Target,
  action: KubeActionName,
  body: Body,
): Promise<KubeActionResult> {
  const run = ACTIONS[action];
  const maker = MAKERS[action];
  if (!(run || maker) || !target.kind.actions.includes(action))
    throw badRequest(`${target.kind.title} cannot be asked to ${action} here`);
  const before = await readObject(api, target.kind, target.name, target.namespace);
  if (maker) return { created: await maker.make(api, before), kind: maker.kind };
  return { before, after: withoutManagedFields(await run!(api, target, body, before)) };
}
