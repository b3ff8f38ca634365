// Socket subscriptions to a Docker endpoint's events: checked with authorize(), served by one
// shared upstream per endpoint (DockerEventHub), closed when the last watcher leaves.
import type { Socket } from "socket.io";
import { db } from "../db/client";
import { dockerClient } from "../endpoints/docker-client";
import { authorize, type Subject } from "../rbac/authorize";
import { loadSubject } from "../rbac/load-subject";
import { DockerEventHub } from "../streams/docker-events";
import type { RealtimeServer } from "./hub";

const room = (endpointId: string) => `docker:${endpointId}`;

export function attachDockerWatch(io: RealtimeServer, log: (message: string) => void): DockerEventHub {
  const hub = new DockerEventHub(
    {
      container: (e) => io.to(room(e.endpointId)).emit("docker:container", e),
      other: (e) => io.to(room(e.endpointId)).emit("docker:event", e),
      stream: (e) => io.to(room(e.endpointId)).emit("docker:stream", e),
    },
    log,
  );
  const releaseIfUnwatched = (endpointId: string) => {
    if (!io.of("/").adapter.rooms.get(room(endpointId))?.size) hub.release(endpointId);
  };

  io.on("connection", (socket: Socket) => {
    const watched = new Set<string>();
    socket.on("docker:watch", async (request: { endpointId?: unknown }, ack: unknown) => {
      const reply = typeof ack === "function" ? (ack as (r: unknown) => void) : () => {};
      const endpointId = typeof request?.endpointId === "string" ? request.endpointId : "";
      try {
        const subject: Subject | null = await loadSubject((socket.data as { subject: Subject }).subject.userId);
        const endpoint = endpointId ? await db().endpoint.findUnique({ where: { id: endpointId } }) : null;
        // Same answer for "does not exist" and "not yours", as over HTTP.
        if (
          !subject ||
          !endpoint ||
          !authorize(subject, "resource.read", { endpointId }).allowed ||
          endpoint.kind !== "DOCKER"
        ) {
          return reply({ ok: false, error: "endpoint not found" });
        }
        await socket.join(room(endpointId));
        watched.add(endpointId);
        hub.ensure(endpointId, () => dockerClient(endpoint));
        reply({ ok: true, data: { connected: hub.isConnected(endpointId) } });
      } catch (error) {
        reply({ ok: false, error: (error as Error).message });
      }
    });
    socket.on("docker:unwatch", async (request: { endpointId?: unknown }) => {
      const endpointId = typeof request?.endpointId === "string" ? request.endpointId : "";
      if (!watched.delete(endpointId)) return;
      await socket.leave(room(endpointId));
      releaseIfUnwatched(endpointId);
    });
    socket.on("disconnect", () => {
      for (const endpointId of watched) releaseIfUnwatched(endpointId);
    });
  });
  return hub;
}
