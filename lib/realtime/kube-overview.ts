// A cluster's overview, live (kube:overview): computed from the shared watch cache for one viewer,
// then computed again at most once a second while any of its kinds changes upstream, and pushed
// when the numbers or warnings differ. The access re-check recomputes it for the viewer's current
// grants, or ends it; the socket's going releases its watches.
import { db, type Endpoint } from "../db/client";
import { builtInKind } from "../kube/kinds/catalog";
import { clusterOverview, OVERVIEW_RESOURCES, type ClusterOverview } from "../kube/cluster-overview";
import { kubeWatchCache } from "../kube/watch/shared-watch-cache";
import type { KubeWatchCache, WatchHandle } from "../kube/watch/watch-cache";
import { allowedNamespaces, visibleEndpointIds, type Subject } from "../rbac/authorize";
import { loadSubject } from "../rbac/load-subject";
import type { AccessGuard } from "./access-recheck";
import type { RealtimeServer } from "./hub";
import type { RealtimeSocket } from "./socket-data";
import { onEvent, SocketRequestError } from "./socket-handler";

const PUSH_INTERVAL_MS = 1000;
/** Live overviews open at once on one socket (a tab shows one; a few for a fleet page). */
const MAX_OVERVIEWS_PER_SOCKET = 5;

class LiveOverview {
  private handles: WatchHandle[] = [];
  private timer: NodeJS.Timeout | null = null;
  private last = "";
  private stopped = false;

  constructor(
    private readonly socket: RealtimeSocket,
    private readonly endpoint: Endpoint,
    private subject: Subject,
    private readonly log: (message: string) => void,
  ) {}

  async start(cache: KubeWatchCache): Promise<ClusterOverview> {
    // Follow every kind the overview is made of; one the endpoint may not watch is left out (its
    // figures are then as of this answer).
    for (const id of OVERVIEW_RESOURCES) {
      const handle = cache.acquire(this.endpoint, { ref: builtInKind(id)!, namespace: null }, () => this.schedule());
      this.handles.push(handle);
      handle.ready.catch(() => {});
    }
    return this.compute();
  }

  /** The re-checked viewer: computed again only when what they may read changed. */
  setSubject(subject: Subject): void {
    const scope = (s: Subject) => JSON.stringify(allowedNamespaces(s, this.endpoint.id));
    const changed = scope(subject) !== scope(this.subject);
    this.subject = subject;
    if (changed) this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const handle of this.handles) handle.release();
    this.handles = [];
  }

  private async compute(): Promise<ClusterOverview> {
    const overview = await clusterOverview(this.subject, this.endpoint);
    this.last = JSON.stringify(overview);
    return overview;
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const before = this.last;
      this.compute()
        .then((overview) => {
          if (!this.stopped && this.last !== before)
            this.socket.emit("kube:overview", { endpointId: this.endpoint.id, overview, closed: false });
        })
        .catch((error: unknown) => this.log(`overview of ${this.endpoint.name} failed: ${String(error)}`));
    }, PUSH_INTERVAL_MS);
  }
}

export function attachKubeOverview(
  io: RealtimeServer,
  log: (message: string) => void,
  cache: KubeWatchCache = kubeWatchCache(),
) {
  const live = new WeakMap<RealtimeSocket, Map<string, LiveOverview>>();
  io.on("connection", (socket) => {
    const mine = new Map<string, LiveOverview>();
    live.set(socket, mine);
    onEvent(
      socket,
      "kube:overview",
      async ({ endpointId }) => {
        const subject = await loadSubject(socket.data.subject.userId);
        const endpoint = await db().endpoint.findUnique({ where: { id: endpointId } });
        if (!subject || !endpoint || !visibleEndpointIds(subject, [endpointId]).length)
          throw new SocketRequestError("endpoint not found");
        if (endpoint.kind !== "KUBERNETES") throw new SocketRequestError("this endpoint is not a Kubernetes cluster");
        mine.get(endpointId)?.stop();
        mine.delete(endpointId);
        if (mine.size >= MAX_OVERVIEWS_PER_SOCKET)
          throw new SocketRequestError(`at most ${MAX_OVERVIEWS_PER_SOCKET} live cluster overviews per tab`);
        const overview = new LiveOverview(socket, endpoint, subject, log);
        mine.set(endpointId, overview);
        try {
          const first = await overview.start(cache);
          if (socket.disconnected) overview.stop();
          return { overview: first };
        } catch (error) {
          overview.stop();
          mine.delete(endpointId);
          throw error;
        }
      },
      log,
    );
    onEvent(
      socket,
      "kube:overview-stop",
      ({ endpointId }) => {
        mine.get(endpointId)?.stop();
        mine.delete(endpointId);
        return null;
      },
      log,
    );
    socket.on("disconnect", () => {
      for (const overview of mine.values()) overview.stop();
      mine.clear();
    });
  });
  const guard: AccessGuard = (socket, { subject, endpointExists }) => {
    for (const [endpointId, overview] of live.get(socket) ?? []) {
      if (endpointExists(endpointId) && visibleEndpointIds(subject, [endpointId]).length) {
        overview.setSubject(subject);
        continue;
      }
      overview.stop();
      live.get(socket)!.delete(endpointId);
      socket.emit("kube:overview", { endpointId, overview: null, closed: true });
    }
  };
  return { guard };
}
