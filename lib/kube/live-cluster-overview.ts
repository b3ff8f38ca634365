// A cluster's overview for one viewer, kept computable from the shared watch cache: the kinds it is
// made of are held (one the viewer may not watch is left out, its figures as of the last answer)
// and `onChange` is called when any of them changes upstream. Used by the live overview page and
// the fleet cards alike; each decides how often to compute and push.
import type { Endpoint } from "../db/client";
import { allowedNamespaces, type Subject } from "../rbac/authorize";
import { clusterOverview, OVERVIEW_RESOURCES, type ClusterOverview } from "./cluster-overview";
import { builtInKind } from "./kinds/catalog";
import type { KubeWatchCache, WatchHandle } from "./watch/watch-cache";

export class LiveClusterOverview {
  private handles: WatchHandle[] = [];
  private broken = false;

  constructor(
    private readonly endpoint: Endpoint,
    private subject: Subject,
    private readonly cache: KubeWatchCache,
    private readonly onChange: () => void,
  ) {
    this.hold();
  }

  /** The re-checked viewer; true when what they may read changed (the overview is then different). */
  setSubject(subject: Subject): boolean {
    const scope = (s: Subject) => JSON.stringify(allowedNamespaces(s, this.endpoint.id));
    const changed = scope(subject) !== scope(this.subject);
    this.subject = subject;
    return changed;
  }

  async compute(): Promise<ClusterOverview> {
    // A failed first list is forgotten by the cache: after a failure, hold the kinds afresh.
    if (this.broken) {
      this.release();
      this.hold();
      this.broken = false;
    }
    try {
      return await clusterOverview(this.subject, this.endpoint);
    } catch (error) {
      this.broken = true;
      throw error;
    }
  }

  stop(): void {
    this.release();
  }

  private hold(): void {
    for (const id of OVERVIEW_RESOURCES) {
      const handle = this.cache.acquire(this.endpoint, { ref: builtInKind(id)!, namespace: null }, this.onChange);
      handle.ready.catch(() => {});
      this.handles.push(handle);
    }
  }

  private release(): void {
    for (const handle of this.handles) handle.release();
    this.handles = [];
  }
}
