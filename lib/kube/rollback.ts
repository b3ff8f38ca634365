// What `kubectl rollout undo --to-revision=N` does. A Deployment gets the ReplicaSet's pod
// template back (without the pod-template-hash label) and the annotations kubectl copies from it;
// a StatefulSet or DaemonSet gets its ControllerRevision's data, which is a strategic merge patch.
import { conflict, notFound } from "../errors";
import type { KubeApi } from "./kube-api";
import { at } from "./kinds/helpers";
import { resourcePath, type KubeKind, type KubeObject } from "./kinds/kind";
import { REVISION_ANNOTATION, rolloutHistory } from "./rollout-history";
import { readObject, withoutManagedFields } from "./resources";

const POD_TEMPLATE_HASH = "pod-template-hash";

// Annotations that describe the Deployment's own rollout, not the template: kubectl keeps the
// Deployment's values of these and takes every other annotation from the ReplicaSet.
const KEPT_FROM_DEPLOYMENT = [
  "kubectl.kubernetes.io/last-applied-configuration",
  REVISION_ANNOTATION,
  "deployment.kubernetes.io/revision-history",
  "deployment.kubernetes.io/desired-replicas",
  "deployment.kubernetes.io/max-replicas",
  "deprecated.deployment.rollback.to",
];

/** JSON with its keys sorted, to compare two templates as data. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

function withoutHash(template: unknown): Record<string, unknown> {
  const copy = structuredClone((template ?? {}) as { metadata?: { labels?: Record<string, string> } });
  if (copy.metadata?.labels) delete copy.metadata.labels[POD_TEMPLATE_HASH];
  return copy as Record<string, unknown>;
}

function deploymentAnnotations(deployment: KubeObject, replicaSet: KubeObject): Record<string, string> {
  const annotations: Record<string, string> = {};
  for (const key of KEPT_FROM_DEPLOYMENT) {
    const value = deployment.metadata.annotations?.[key];
    if (value !== undefined) annotations[key] = value;
  }
  for (const [key, value] of Object.entries(replicaSet.metadata.annotations ?? {}))
    if (!KEPT_FROM_DEPLOYMENT.includes(key)) annotations[key] = value;
  return annotations;
}

/**
 * Rolls `object` back to `revision`; the object after (unchanged when its template already is
 * that revision's, as kubectl skips it).
 */
export async function rollBack(
  api: KubeApi,
  target: { kind: KubeKind; name: string; namespace?: string },
  object: KubeObject,
  revision: number,
): Promise<KubeObject> {
  const { kind } = target;
  if (kind.kind === "Deployment" && at(object, "spec", "paused") === true)
    throw conflict(`you cannot roll back a paused deployment; resume ${target.name} first and try again`);
  const history = await rolloutHistory(api, kind.kind, object);
  const wanted = history.find((r) => r.revision === revision);
  if (!wanted) {
    const known = history.map((r) => r.revision).join(", ") || "none";
    throw notFound(`${kind.kind} ${target.name} has no revision ${revision} (its revisions: ${known})`);
  }
  const path = resourcePath(kind, { namespace: target.namespace, name: target.name });
  if (kind.kind === "Deployment") {
    const template = withoutHash(at(wanted.source, "spec", "template"));
    if (canonical(template) === canonical(withoutHash(at(object, "spec", "template")))) return object;
    return withoutManagedFields(
      await api<KubeObject>({
        method: "PATCH",
        path,
        contentType: "application/json-patch+json",
        query: { fieldManager: "fleetdeck" },
        body: [
          { op: "replace", path: "/spec/template", value: template },
          // "add" sets the member whether or not it exists (a Deployment may have no annotations).
          { op: "add", path: "/metadata/annotations", value: deploymentAnnotations(object, wanted.source) },
        ],
      }),
    );
  }
  const data = at(wanted.source, "data");
  const saved = at(data, "spec", "template") as Record<string, unknown> | undefined;
  const { $patch: _, ...savedTemplate } = saved ?? {};
  if (canonical(savedTemplate) === canonical(at(object, "spec", "template"))) return object;
  await api({
    method: "PATCH",
    path,
    contentType: "application/strategic-merge-patch+json",
    query: { fieldManager: "fleetdeck" },
    body: data,
  });
  return readObject(api, kind, target.name, target.namespace);
}
