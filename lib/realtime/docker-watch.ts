// Socket subscriptions to a Docker endpoint's events: checked with authorize(), served by one
// shared upstream per endpoint (DockerEventHub), closed when the last watcher leaves — or when the
// access re-check finds the watcher no longer allowed, or the endpoint deleted.
import { db } from "../db/client";
import { dockerClient } from "../endpoints/docker-client";
import { authorize, type Subject } from "../rbac/authorize";
import { loadSubject } from "../rbac/load-subject";
import type { FollowDockerEvents } from "../fleet/docker-figures-hub";
import { DockerEventHub } from "../streams/docker-events";
import type { AccessGuard, EndpointSweep } from "./access-recheck";
import type { RealtimeServer } from "./hub";
import { SocketRequestError, onEvent } from "./socket-handler";
import type { RealtimeSocket } from "./socket-data";

const room = (endpointId: string) => `docker:${endpointId}`;
const mayWatch = (subject: Subject, endpointId: string) => authorize(subject, "resource.read", { endpointId }).allowed;

export function attachDockerWatch(io: RealtimeServer, log: (message: string) => void) {
  // Server-side followers of an endpoint's container changes (the fleet figures), besides the room.
  const followers = new Map<string, Set<() => void>>();
  const tell = (endpointId: string) => followers.get(endpointId)?.forEach((f) => f());
  const hub = new DockerEventHub(
    {
      container: (e) => (io.to(room(e.endpointId)).emit("docker:container", e), tell(e.endpointId)),
      other: (e) => io.to(room(e.endpointId)).emit("docker:event", e),
      stream: (e) => (io.to(room(e.endpointId)).emit("docker:stream", e), tell(e.endpointId)),
    },
    log,
  );
  const watchedBy = new WeakMap<RealtimeSocket, Set<string>>();
  const releaseIfUnwatched = (endpointId: string) => {
    if (!io.of("/").adapter.rooms.get(room(endpointId))?.size && !followers.get(endpointId)?.size)
      hub.release(endpointId);
  };
  const unwatch = async (socket: RealtimeSocket, endpointId: string) => {
    if (!watchedBy.get(socket)?.delete(endpointId)) return;
    await socket.leave(room(endpointId));
    releaseIfUnwatched(endpointId);
  };
  // Read on every (re)connect: a repaired credential is used, a deleted endpoint stops the upstream.
  const connect = (endpointId: string) => async () => {
    const endpoint = await db().endpoint.findUnique({ where: { id: endpointId } });
    if (!endpoint) {
      hub.release(endpointId);
      throw new Error("the endpoint was deleted");
    }
    return dockerClient(endpoint);
  };

  io.on("connection", (socket) => {
    const watched = new Set<string>();
    watchedBy.set(socket, watched);
    onEvent(
      socket,
      "docker:watch",
      async ({ endpointId }) => {
        const subject = await loadSubject(socket.data.subject.userId);
        const endpoint = await db().endpoint.findUnique({ where: { id: endpointId } });
        // Same answer for "does not exist" and "not yours", as over HTTP.
        if (!subject || !endpoint || !mayWatch(subject, endpointId) || endpoint.kind !== "DOCKER")
          throw new SocketRequestError("endpoint not found");
        if (!socket.connected) return { connected: false };
        await socket.join(room(endpointId));
        watched.add(endpointId);
        hub.ensure(endpointId, connect(endpointId));
        return { connected: hub.isConnected(endpointId) };
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
    for (const endpointId of hub.endpointIds()) if (!endpointExists(endpointId)) hub.release(endpointId);
  };
  /** Follows the endpoint's container changes without a socket; returns the release. */
  const follow: FollowDockerEvents = (endpointId, onChange) => {
    const mine = followers.get(endpointId) ?? new Set();
    followers.set(endpointId, mine);
    mine.add(onChange);
    hub.ensure(endpointId, connect(endpointId));
    return () => {
      mine.delete(onChange);
      if (!mine.size) followers.delete(endpointId);
      releaseIfUnwatched(endpointId);
    };
  };
  return { hub, guard, sweep, follow };
}
