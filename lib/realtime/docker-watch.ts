// Socket subscriptions to a Docker endpoint's events: checked with authorize(), served by the
// engine's one shared upstream on this instance (holdEngine) while its room has members, closed
// when the last watcher leaves — or when the access re-check finds the watcher no longer allowed.
import { db } from "../db/client";
import { closeEngine, engineConnected, holdEngine, liveEngineIds } from "../docker/engine-state/engine-states";
import { endpointNotFound } from "../rbac/access-denied";
import { authorize, type Subject } from "../rbac/authorize";
import type { AccessGuard, EndpointSweep } from "./access-recheck";
import type { RealtimeServer } from "./hub";
import { SocketRequestError, onEvent } from "./socket-handler";
import type { RealtimeSocket } from "./socket-data";
import { reloadSubject } from "./reload-subject";

const room = (endpointId: string) => `docker:${endpointId}`;
const mayWatch = (subject: Subject, endpointId: string) => authorize(subject, "resource.read", { endpointId }).allowed;

export function attachDockerWatch(io: RealtimeServer, log: (message: string) => void) {
  // The engine holds of the rooms that have members.
  const held = new Map<string, () => void>();
  const hold = (endpointId: string) => {
    if (held.has(endpointId)) return;
    // Each instance follows the engine for its own sockets: never broadcast to other instances.
    const to = () => io.local.to(room(endpointId));
    const { release } = holdEngine(endpointId, {
      container: (id, row) => to().emit("docker:container", { endpointId, id, row }),
      other: (e) => to().emit("docker:event", e),
      stream: (e) => to().emit("docker:stream", { endpointId, ...e }),
    });
    held.set(endpointId, release);
  };
  const releaseIfUnwatched = (endpointId: string) => {
    if (io.of("/").adapter.rooms.get(room(endpointId))?.size) return;
    held.get(endpointId)?.();
    held.delete(endpointId);
  };
  const watchedBy = new WeakMap<RealtimeSocket, Set<string>>();
  const unwatch = async (socket: RealtimeSocket, endpointId: string) => {
    if (!watchedBy.get(socket)?.delete(endpointId)) return;
    await socket.leave(room(endpointId));
    releaseIfUnwatched(endpointId);
  };

  io.on("connection", (socket) => {
    const watched = new Set<string>();
    watchedBy.set(socket, watched);
    onEvent(
      socket,
      "docker:watch",
      async ({ endpointId }) => {
        const subject = await reloadSubject(socket);
        const endpoint = await db().endpoint.findUnique({ where: { id: endpointId } });
        if (!subject || !endpoint || !mayWatch(subject, endpointId))
          throw endpointNotFound("resource.read", endpointId);
        if (endpoint.kind !== "DOCKER") throw new SocketRequestError(`${endpoint.name} is not a Docker engine`);
        if (!socket.connected) return { connected: false };
        await socket.join(room(endpointId));
        watched.add(endpointId);
        hold(endpointId);
        return { connected: engineConnected(endpointId) };
      },
      log,
    );
    onEvent(socket, "docker:unwatch", async ({ endpointId }) => (await unwatch(socket, endpointId), null), log);
    socket.on("disconnect", () => {
      for (const endpointId of watched) releaseIfUnwatched(endpointId);
    });
  });

  const guard: AccessGuard = async (socket, { subject, endpointExists }) => {
    for (const endpointId of [...(watchedBy.get(socket) ?? [])]) {
      if (endpointExists(endpointId) && mayWatch(subject, endpointId)) continue;
      socket.emit("docker:stream", { endpointId, connected: false, error: "access revoked" });
      await unwatch(socket, endpointId);
    }
  };
  const sweep: EndpointSweep = (endpointExists) => {
    for (const endpointId of liveEngineIds()) if (!endpointExists(endpointId)) closeEngine(endpointId);
  };
  return { guard, sweep };
}
