// A list of one resource as a person may see it: every namespace their grants allow (or the one
// they asked for), rows computed by the kind's descriptor. Served from the shared watch cache (one
// cluster-wide list+watch, kept warm for everyone); when the endpoint's own credentials may not
// list cluster-wide (a refusal is remembered a minute), each namespace is read directly.
// Cluster-scoped kinds need a grant without namespace limits.
import type { Endpoint } from "../db/client";
import { forbidden } from "../errors";
import { allowedNamespaces, type Subject } from "../rbac/authorize";
import type { KubeApi } from "./kube-api";
import type { KubeKind, KubeObject } from "./kinds/kind";
import { toRow, type KubeRow } from "./kinds/row";
import { listObjects } from "./resources";
import { cachedObjects } from "./cached-objects";
import { clusterWideRefused, noteClusterWideRefusal } from "./watch/cluster-wide-refusals";

/** The objects of a kind the subject may see (in `namespace`, or every namespace they may read). */
export async function visibleObjects(
  subject: Subject,
  endpoint: Endpoint,
  api: KubeApi,
  kind: KubeKind,
  namespace?: string,
): Promise<KubeObject[]> {
  const allowed = allowedNamespaces(subject, endpoint.id);
  if (!kind.namespaced && allowed !== "all")
    throw forbidden(`${kind.title} are cluster-wide; your access is limited to namespaces`);
  const wanted = namespace ? [namespace] : allowed === "all" ? null : allowed;
  let objects: KubeObject[] | null = null;
  if (!(wanted && clusterWideRefused(endpoint, kind))) {
    try {
      objects = await cachedObjects(endpoint, kind);
    } catch (error) {
      if (!noteClusterWideRefusal(endpoint, kind, error) || !wanted) throw error;
    }
  }
  objects ??= (await Promise.all(wanted!.map((ns) => listObjects(api, kind, { namespace: ns })))).flatMap(
    (l) => l.items,
  );
  return wanted && kind.namespaced ? objects.filter((o) => wanted.includes(o.metadata.namespace ?? "")) : objects;
}

export async function listRowsFor(
  subject: Subject,
  endpoint: Endpoint,
  api: KubeApi,
  kind: KubeKind,
  namespace?: string,
): Promise<KubeRow[]> {
  return (await visibleObjects(subject, endpoint, api, kind, namespace)).map((o) => toRow(kind, o));
}
