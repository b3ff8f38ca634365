// Socket watches of Kubernetes resources (kube:watch / kube:unwatch): each socket's watches are a
// KubeWatcher over this instance's shared watch cache; the access re-check ends what a grant no
// longer allows, and the socket's going releases its watches (the cache stops idle upstreams).
import { kubeWatchCache } from "../kube/watch/shared-watch-cache";
import type { KubeWatchCache } from "../kube/watch/watch-cache";
import type { AccessGuard } from "./access-recheck";
import type { RealtimeServer } from "./hub";
import { KubeWatcher } from "./kube-watcher";
import type { RealtimeSocket } from "./socket-data";
import { onEvent } from "./socket-handler";

export function attachKubeWatch(
  io: RealtimeServer,
  log: (message: string) => void,
  cache: KubeWatchCache = kubeWatchCache(),
) {
  const watchers = new WeakMap<RealtimeSocket, KubeWatcher>();
  io.on("connection", (socket) => {
    const watcher = new KubeWatcher(socket, cache);
    watchers.set(socket, watcher);
    onEvent(socket, "kube:watch", (request) => watcher.watch(request), log);
    onEvent(socket, "kube:unwatch", ({ watchId }) => (watcher.unwatch(watchId), null), log);
    socket.on("disconnect", () => watcher.close());
  });
  const guard: AccessGuard = (socket, access) => watchers.get(socket)?.recheck(access);
  return { cache, guard };
}
