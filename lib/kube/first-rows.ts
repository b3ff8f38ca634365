// The first screenful of a list, by name, rendered with the page: a list of 10,000 pods shows its
// first rows with the HTML instead of after the socket has brought all of them. Only from a warm
// watch cache and only what the person may see; the live list replaces these rows when it arrives.
import type { Endpoint } from "../db/client";
import { allowedNamespaces, type Subject } from "../rbac/authorize";
import { cachedObjectsWithin } from "./cached-objects";
import type { KubeKind, KubeObject } from "./kinds/kind";
import { toRow, type KubeRow } from "./kinds/row";

/** The list's default order (components/kube/kube-list.tsx): names, numbers in them by value. */
const collator = new Intl.Collator(undefined, { numeric: true });
const byName = (a: KubeObject, b: KubeObject) => collator.compare(a.metadata.name, b.metadata.name);

export async function firstRowsFor(
  subject: Subject,
  endpoint: Endpoint,
  kind: KubeKind,
  options: { namespace?: string; count: number; waitMs: number },
): Promise<KubeRow[] | null> {
  const allowed = allowedNamespaces(subject, endpoint.id);
  if (!kind.namespaced && allowed !== "all") return null;
  const objects = await cachedObjectsWithin(endpoint, kind, options.waitMs);
  if (!objects) return null;
  const wanted = options.namespace ? [options.namespace] : allowed === "all" ? null : allowed;
  // The first `count` by name without sorting them all: one comparison for most objects.
  const first: KubeObject[] = [];
  for (const object of objects) {
    if (wanted && kind.namespaced && !wanted.includes(object.metadata.namespace ?? "")) continue;
    if (first.length === options.count && byName(object, first[first.length - 1]!) >= 0) continue;
    let at = first.length;
    while (at > 0 && byName(object, first[at - 1]!) < 0) at--;
    first.splice(at, 0, object);
    if (first.length > options.count) first.pop();
  }
  return first.map((o) => toRow(kind, o));
}
