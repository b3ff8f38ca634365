// A cluster's overview, live (kube:overview): computed from the shared watch cache for one viewer,
// then computed again at most once a second while any of its kinds changes upstream, and pushed
// when the numbers or warnings differ. The access re-check recomputes it for the viewer's current
// grants, or ends it; the socket's going releases its watches.
import { db, type Endpoint } from "../db/client";
import type { ClusterOverview } from "../kube/cluster-overview";
import { LiveClusterOverview } from "../kube/live-cluster-overview";
import { kubeWatchCache } from "../kube/watch/shared-watch-cache";
import type { KubeWatchCache } from "../kube/watch/watch-cache";
import { endpointNotFound } from "../rbac/access-denied";
import { visibleEndpointIds, type Subject } from "../rbac/authorize";
import { endpointFollowings } from "./endpoint-followings";
import type { RealtimeServer } from "./hub";
import type { RealtimeSocket } from "./socket-data";
import { onEvent, SocketRequestError } from "./socket-handler";
import { reloadSubject } from "./reload-subject";

const PUSH_INTERVAL_MS = 1000;
/** Live overviews open at once on one socket (a tab shows one; a few for a fleet page). */
const MAX_OVERVIEWS_PER_SOCKET = 5;

/** One viewer's overview on one socket: pushed at most once a second, and only when it differs. */
class LiveOverview {
  private readonly overview: LiveClusterOverview;
  private timer: NodeJS.Timeout | null = null;
  private last = "";
  private stopped = false;

  constructor(
    private readonly socket: RealtimeSocket,
    private readonly endpoint: Endpoint,
    subject: Subject,
    cache: KubeWatchCache,
    private readonly log: (message: string) => void,
  ) {
    this.overview = new LiveClusterOverview(endpoint, subject, cache, () => this.schedule());
  }

  start(): Promise<ClusterOverview> {
    return this.compute();
  }

  setSubject(subject: Subject): void {
    if (this.overview.setSubject(subject)) this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.overview.stop();
  }

  private async compute(): Promise<ClusterOverview> {
    const overview = await this.overview.compute();
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
  const followings = endpointFollowings<LiveOverview>(io, (socket, endpointId) =>
    socket.emit("kube:overview", { endpointId, overview: null, closed: true }),
  );
  io.on("connection", (socket) => {
    const mine = followings.of(socket);
    onEvent(
      socket,
      "kube:overview",
      async ({ endpointId }) => {
        const subject = await reloadSubject(socket);
        const endpoint = await db().endpoint.findUnique({ where: { id: endpointId } });
        if (!subject || !endpoint || !visibleEndpointIds(subject, [endpointId]).length)
          throw endpointNotFound("endpoint.view", endpointId);
        if (endpoint.kind !== "KUBERNETES") throw new SocketRequestError("this endpoint is not a Kubernetes cluster");
        followings.stop(socket, endpointId);
        if (mine.size >= MAX_OVERVIEWS_PER_SOCKET)
          throw new SocketRequestError(`at most ${MAX_OVERVIEWS_PER_SOCKET} live cluster overviews per tab`);
        const overview = new LiveOverview(socket, endpoint, subject, cache, log);
        mine.set(endpointId, overview);
        try {
          const first = await overview.start();
          if (socket.disconnected) overview.stop();
          return { overview: first };
        } catch (error) {
          followings.stop(socket, endpointId);
          throw error;
        }
      },
      log,
    );
    onEvent(socket, "kube:overview-stop", ({ endpointId }) => (followings.stop(socket, endpointId), null), log);
  });
  return { guard: followings.guard };
}
