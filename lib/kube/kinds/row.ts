// A list row of any kind: what a table shows of an object, computed by its descriptor on the
// server, so a list of 10,000 pods ships cells, not 10,000 full objects.
import type { CellValue, Health, KubeKind, KubeObject } from "./kind";

export interface KubeRow {
  uid: string;
  name: string;
  namespace: string | null;
  /** RFC 3339; the age column ticks from it in the browser. */
  created: string | null;
  cells: CellValue[];
  health: Health | null;
  labels: Record<string, string>;
  /** Being deleted (finalizers pending). */
  deleting: boolean;
  /** Changes with every write upstream: an open object page compares it with what it shows. */
  resourceVersion: string;
}

export function toRow(kind: KubeKind, object: KubeObject): KubeRow {
  const m = object.metadata;
  return {
    uid: m.uid,
    name: m.name,
    namespace: m.namespace ?? null,
    created: m.creationTimestamp ?? null,
    cells: kind.columns.map((c) => {
      try {
        return c.value(object);
      } catch {
        return null; // a field of an unexpected shape shows empty, not a broken list
      }
    }),
    health: kind.health?.(object) ?? null,
    labels: m.labels ?? {},
    deleting: Boolean(m.deletionTimestamp),
    resourceVersion: m.resourceVersion ?? "",
  };
}
