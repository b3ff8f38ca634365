// Every object of a kind from the shared watch cache (one cluster-wide list+watch, kept warm a
// while after the last reader): lists, related objects and counts read the same copy.
import type { Endpoint } from "../db/client";
import type { KubeKind, KubeObject } from "./kinds/kind";
import { kubeWatchCache } from "./watch/shared-watch-cache";

export async function cachedObjects(endpoint: Endpoint, kind: KubeKind): Promise<KubeObject[]> {
  const handle = kubeWatchCache().acquire(endpoint, { ref: kind, namespace: null });
  try {
    await handle.ready;
    return handle.list();
  } finally {
    handle.release();
  }
}

/** The same, when the cache has them within `waitMs` (a page does not wait for a cold list); else null. */
export async function cachedObjectsWithin(
  endpoint: Endpoint,
  kind: KubeKind,
  waitMs: number,
): Promise<KubeObject[] | null> {
  const handle = kubeWatchCache().acquire(endpoint, { ref: kind, namespace: null });
  let timer: NodeJS.Timeout | undefined;
  try {
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), waitMs)));
    return (await Promise.race([handle.ready.then(() => true), late])) ? handle.list() : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    handle.release();
  }
}
