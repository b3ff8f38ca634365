// A list of one resource as a person may see it: every namespace their grants allow (or the one
// they asked for), rows computed by the kind's descriptor. Cluster-scoped kinds need a grant
// without namespace limits.
import type { Endpoint } from "../db/client";
import { forbidden } from "../errors";
import { allowedNamespaces, type Subject } from "../rbac/authorize";
import type { KubeApi } from "./kube-api";
import type { KubeKind } from "./kinds/kind";
import { toRow, type KubeRow } from "./kinds/row";
import { listObjects } from "./resources";

export async function listRowsFor(
  subject: Subject,
  endpoint: Endpoint,
  api: KubeApi,
  kind: KubeKind,
  namespace?: string,
): Promise<KubeRow[]> {
  const allowed = allowedNamespaces(subject, endpoint.id);
  if (!kind.namespaced && allowed !== "all")
    throw forbidden(`${kind.title} are cluster-wide; your access is limited to namespaces`);
  const scopes: (string | null)[] = !kind.namespaced
    ? [null]
    : namespace
      ? [namespace]
      : allowed === "all"
        ? [null]
        : allowed;
  const lists = await Promise.all(scopes.map((ns) => listObjects(api, kind, { namespace: ns })));
  return lists.flatMap((l) => l.items.map((o) => toRow(kind, o)));
}
