// The objects one watch holds, by uid (and by namespace/name for look-ups). Applying a watch
// event or a whole relist returns only what really changed, so holders hear of each change once:
// a relist after 410 Gone reports the difference, never the unchanged objects again.
import type { KubeObject } from "../kinds/kind";
import type { ObjectChange } from "./watch-cache";

const nameKey = (name: string, namespace: string | null | undefined) => `${namespace ?? ""}/${name}`;

/** managedFields are often half of an object's size and nothing here reads them. */
export function stripManagedFields(object: KubeObject): KubeObject {
  if (!("managedFields" in object.metadata)) return object;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped on purpose
  const { managedFields, ...metadata } = object.metadata;
  return { ...object, metadata: metadata as KubeObject["metadata"] };
}

export class ObjectStore {
  private byUid = new Map<string, KubeObject>();
  private byName = new Map<string, string>();

  get size(): number {
    return this.byUid.size;
  }

  list(): KubeObject[] {
    return [...this.byUid.values()];
  }

  get(name: string, namespace?: string | null): KubeObject | undefined {
    const uid = this.byName.get(nameKey(name, namespace));
    return uid === undefined ? undefined : this.byUid.get(uid);
  }

  /** A watch event (ADDED, MODIFIED, DELETED); what it changed (nothing, when already held). */
  apply(type: "ADDED" | "MODIFIED" | "DELETED", incoming: KubeObject): ObjectChange[] {
    const object = stripManagedFields(incoming);
    const held = this.byUid.get(object.metadata.uid);
    if (type === "DELETED") {
      if (!held) return [];
      this.remove(held);
      return [{ type: "deleted", object }];
    }
    if (held && held.metadata.resourceVersion === object.metadata.resourceVersion) return [];
    const changes: ObjectChange[] = [];
    // Its name held by another object whose deletion was never seen: that one is gone.
    const sameName = this.get(object.metadata.name, object.metadata.namespace);
    if (sameName && sameName.metadata.uid !== object.metadata.uid) {
      this.remove(sameName);
      changes.push({ type: "deleted", object: sameName });
    }
    this.put(object);
    changes.push({ type: held ? "modified" : "added", object });
    return changes;
  }

  /** Replaces everything with a fresh list; returns the difference. */
  replace(items: KubeObject[]): ObjectChange[] {
    const changes: ObjectChange[] = [];
    const seen = new Set<string>();
    for (const incoming of items) {
      const object = stripManagedFields(incoming);
      seen.add(object.metadata.uid);
      const held = this.byUid.get(object.metadata.uid);
      if (held?.metadata.resourceVersion === object.metadata.resourceVersion) continue;
      this.put(object);
      changes.push({ type: held ? "modified" : "added", object });
    }
    // Includes an object whose name a new object took (deleted and created again meanwhile).
    for (const held of [...this.byUid.values()]) {
      if (seen.has(held.metadata.uid)) continue;
      this.remove(held);
      changes.push({ type: "deleted", object: held });
    }
    return changes;
  }

  private put(object: KubeObject): void {
    const m = object.metadata;
    this.byUid.set(m.uid, object);
    this.byName.set(nameKey(m.name, m.namespace), m.uid);
  }

  private remove(object: KubeObject): void {
    const m = object.metadata;
    this.byUid.delete(m.uid);
    const key = nameKey(m.name, m.namespace);
    if (this.byName.get(key) === m.uid) this.byName.delete(key);
  }
}
