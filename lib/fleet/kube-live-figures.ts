// A cluster's figures for one viewer (namespaces limit what they count), from the shared watch
// cache: the overview's kinds are held, and any change recomputes them (throttled by LiveFigures).
import type { Endpoint } from "../db/client";
import { builtInKind } from "../kube/kinds/catalog";
import { clusterOverview, OVERVIEW_RESOURCES } from "../kube/cluster-overview";
import type { KubeWatchCache, WatchHandle } from "../kube/watch/watch-cache";
import { allowedNamespaces, type Subject } from "../rbac/authorize";
import type { FleetSummary } from "./fleet-summary";
import { kubeFigures } from "./kube-figures";
import { LiveFigures } from "./live-figures";

export class KubeLiveFigures {
  private handles: WatchHandle[] = [];
  private broken = false;
  private readonly live: LiveFigures;

  constructor(
    private readonly endpoint: Endpoint,
    private subject: Subject,
    private readonly cache: KubeWatchCache,
    push: (summary: FleetSummary) => void,
    describe: (error: unknown) => string,
  ) {
    this.live = new LiveFigures({ endpointId: endpoint.id, compute: () => this.compute(), push, describe });
  }

  get latest(): FleetSummary | null {
    return this.live.latest;
  }

  start(): void {
    this.acquire();
    this.live.refresh();
  }

  /** The re-checked viewer: computed again only when what they may read changed. */
  setSubject(subject: Subject): void {
    const scope = (s: Subject) => JSON.stringify(allowedNamespaces(s, this.endpoint.id));
    const changed = scope(subject) !== scope(this.subject);
    this.subject = subject;
    if (changed) this.live.schedule();
  }

  stop(): void {
    this.live.stop();
    this.release();
  }

  private acquire(): void {
    for (const id of OVERVIEW_RESOURCES) {
      const handle = this.cache.acquire(this.endpoint, { ref: builtInKind(id)!, namespace: null }, () =>
        this.live.schedule(),
      );
      handle.ready.catch(() => {});
      this.handles.push(handle);
    }
  }

  private release(): void {
    for (const handle of this.handles) handle.release();
    this.handles = [];
  }

  private async compute() {
    // A failed first list is forgotten by the cache: after a failure, hold the kinds afresh.
    if (this.broken) {
      this.release();
      this.acquire();
      this.broken = false;
    }
    try {
      return { docker: null, kube: kubeFigures(await clusterOverview(this.subject, this.endpoint)) };
    } catch (error) {
      this.broken = true;
      throw error;
    }
  }
}
