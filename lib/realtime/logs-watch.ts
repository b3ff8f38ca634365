// Socket subscriptions to logs: each names an endpoint and a target (a container, a pod, a
// workload, a selector, Docker labels), is checked with authorize() ("logs.read" on the endpoint
// and namespace) on subscribe, whenever members join and on every access re-check, is served by
// the shared LogHub, acknowledged batch by batch, and dropped when the socket goes.
import { countUpstreamStreams } from "../metrics/upstream-streams";
import { LogHub } from "../streams/log-hub";
import { MemberSetHub } from "../streams/member-set-hub";
import type { AccessGuard } from "./access-recheck";
import type { RealtimeServer } from "./hub";
import { LogViewer } from "./log-viewer";
import type { RealtimeSocket } from "./socket-data";
import { onEvent } from "./socket-handler";
import { SubscriptionQuota } from "./subscription-quota";

export function attachLogsWatch(io: RealtimeServer, log: (message: string) => void) {
  const shared = { hub: new LogHub(log), memberSets: new MemberSetHub(), quota: new SubscriptionQuota() };
  countUpstreamStreams("logs", () => shared.hub.upstreamEndpoints());
  const viewers = new WeakMap<RealtimeSocket, LogViewer>();
  io.on("connection", (socket) => {
    const viewer = new LogViewer(socket, shared);
    viewers.set(socket, viewer);
    onEvent(socket, "logs:subscribe", (request) => viewer.subscribe(request), log);
    onEvent(socket, "logs:unsubscribe", ({ subscriptionId }) => (viewer.unsubscribe(subscriptionId), null), log);
    onEvent(socket, "logs:search", (request) => viewer.search(request), log);
    socket.on("disconnect", () => viewer.close());
  });
  const guard: AccessGuard = (socket, access) => viewers.get(socket)?.recheck(access);
  return { ...shared, guard };
}
