// The revisions of a Deployment, StatefulSet or DaemonSet as `kubectl rollout history` finds them:
// a Deployment's are the ReplicaSets it owns (annotation deployment.kubernetes.io/revision), the
// others' the ControllerRevisions they own. Each keeps the pod template a rollback restores.
import type { KubeApi } from "./kube-api";
import { at, list, num, str } from "./kinds/helpers";
import type { KubeKind, KubeObject, KubeResourceRef } from "./kinds/kind";
import { listObjects } from "./resources";

/** One revision as the detail page lists it. */
export interface RevisionRow {
  revision: number;
  /** The ReplicaSet or ControllerRevision that holds it. */
  name: string;
  created: string | null;
  images: string[];
  /** A ReplicaSet's desired replicas (ControllerRevisions have none). */
  replicas: number | null;
  changeCause: string | null;
  current: boolean;
}

export interface Revision extends RevisionRow {
  source: KubeObject;
}

export const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
const CHANGE_CAUSE = "kubernetes.io/change-cause";

export const REPLICA_SETS: KubeResourceRef = {
  group: "apps",
  version: "v1",
  resource: "replicasets",
  namespaced: true,
};
export const CONTROLLER_REVISIONS: KubeResourceRef = {
  group: "apps",
  version: "v1",
  resource: "controllerrevisions",
  namespaced: true,
};

/** The kinds whose history Fleetdeck can list and roll back. */
export const hasRolloutHistory = (kind: Pick<KubeKind, "kind" | "group">) =>
  kind.group === "apps" && ["Deployment", "StatefulSet", "DaemonSet"].includes(kind.kind);

const images = (template: unknown) =>
  list(at(template, "spec", "containers"))
    .map((c) => str(c.image))
    .filter((i): i is string => Boolean(i));

/** The objects owned by `owner` among those its selector's labels pick. */
async function owned(api: KubeApi, ref: KubeResourceRef, owner: KubeObject): Promise<KubeObject[]> {
  const matchLabels = (at(owner, "spec", "selector", "matchLabels") ?? {}) as Record<string, string>;
  const labelSelector = Object.entries(matchLabels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  const { items } = await listObjects(api, ref, {
    namespace: owner.metadata.namespace,
    labelSelector: labelSelector || undefined,
  });
  return items.filter((o) => o.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid));
}

function row(
  source: KubeObject,
  revision: number,
  template: unknown,
  replicas: number | null,
): Omit<Revision, "current"> {
  return {
    revision,
    name: source.metadata.name,
    created: source.metadata.creationTimestamp ?? null,
    images: images(template),
    replicas,
    changeCause: source.metadata.annotations?.[CHANGE_CAUSE] ?? null,
    source,
  };
}

/** The object's revisions, newest first. */
export async function rolloutHistory(api: KubeApi, kind: string, object: KubeObject): Promise<Revision[]> {
  let revisions: Revision[];
  if (kind === "Deployment") {
    const current = Number(object.metadata.annotations?.[REVISION_ANNOTATION] ?? NaN);
    revisions = (await owned(api, REPLICA_SETS, object))
      .map((rs) => ({ rs, revision: Number(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? NaN) }))
      .filter(({ revision }) => Number.isInteger(revision))
      .map(({ rs, revision }) => ({
        ...row(rs, revision, at(rs, "spec", "template"), num(at(rs, "spec", "replicas"))),
        current: revision === current,
      }));
  } else if (kind === "StatefulSet" || kind === "DaemonSet") {
    const found = (await owned(api, CONTROLLER_REVISIONS, object)).map((cr) =>
      row(cr, num(cr.revision) ?? 0, at(cr, "data", "spec", "template"), null),
    );
    // A StatefulSet names the revision it rolls out to; a DaemonSet's live template always holds
    // the highest revision number (the controller renumbers a template it returns to).
    const updateRevision = str(at(object, "status", "updateRevision"));
    const highest = Math.max(0, ...found.map((r) => r.revision));
    revisions = found.map((r) => ({
      ...r,
      current: kind === "StatefulSet" ? r.name === updateRevision : r.revision === highest,
    }));
  } else {
    return [];
  }
  return revisions.sort((a, b) => b.revision - a.revision);
}

/** What the page and the API show: the rows without the objects behind them. */
export const revisionRows = (revisions: Revision[]): RevisionRow[] => revisions.map(({ source: _, ...rest }) => rest);
