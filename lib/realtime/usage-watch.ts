// Socket subscriptions to live usage (usage:watch): each names an endpoint and a target, is checked
// with authorize() ("resource.read" there) on subscribe and on every access re-check, is served by
// the shared UsageHub (one upstream per container, engine, pod or node), and ends with the socket.
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { countUpstreamStreams } from "../metrics/upstream-streams";
import { endpointNotFound } from "../rbac/access-denied";
import { mayReadUsage, resolveUsageSource } from "../streams/usage/resolve-usage-source";
import { UsageHub } from "../streams/usage/usage-hub";
import type { UsageTarget } from "../streams/usage/usage-types";
import type { AccessGuard } from "./access-recheck";
import type { RealtimeServer } from "./hub";
import { MAX_USAGE_WATCHES_PER_SOCKET } from "./limits";
import { reloadSubject } from "./reload-subject";
import type { RealtimeSocket } from "./socket-data";
import { SocketRequestError, onEvent } from "./socket-handler";

interface Held {
  endpointId: string;
  target: UsageTarget;
  unwatch(): void;
}

export function attachUsageWatch(io: RealtimeServer, log: (message: string) => void, hub = new UsageHub({ log })) {
  countUpstreamStreams("usage", () => hub.upstreamEndpoints());
  const watchesOf = new WeakMap<RealtimeSocket, Map<string, Held>>();
  io.on("connection", (socket) => {
    const watches = new Map<string, Held>();
    watchesOf.set(socket, watches);
    onEvent(
      socket,
      "usage:watch",
      async ({ endpointId, target }) => {
        if (watches.size >= MAX_USAGE_WATCHES_PER_SOCKET)
          throw new SocketRequestError(`at most ${MAX_USAGE_WATCHES_PER_SOCKET} usage watches per tab`);
        const subject = await reloadSubject(socket);
        const endpoint = await db().endpoint.findUnique({ where: { id: endpointId } });
        if (!subject || !endpoint) throw endpointNotFound("resource.read", endpointId);
        const source = await resolveUsageSource({ subject, endpoint, target, hub });
        // Gone while the engine or API server was asked: nothing may be left open for it.
        if (!socket.connected) throw new SocketRequestError("the tab went away");
        const watchId = randomUUID();
        const watch = hub.watch(source, {
          points: (points, info) => socket.emit("usage:points", { watchId, points, info }),
          status: (error) => socket.emit("usage:status", { watchId, error, closed: false }),
        });
        watches.set(watchId, { endpointId, target, unwatch: watch.unwatch });
        return { watchId, series: watch.series, error: watch.error };
      },
      log,
    );
    onEvent(
      socket,
      "usage:unwatch",
      ({ watchId }) => {
        watches.get(watchId)?.unwatch();
        watches.delete(watchId);
        return null;
      },
      log,
    );
    socket.on("disconnect", () => {
      for (const held of watches.values()) held.unwatch();
      watches.clear();
    });
  });

  const guard: AccessGuard = (socket, { subject, endpointExists }) => {
    const watches = watchesOf.get(socket);
    for (const [watchId, held] of watches ?? []) {
      if (endpointExists(held.endpointId) && mayReadUsage(subject, held.endpointId, held.target)) continue;
      held.unwatch();
      watches!.delete(watchId);
      socket.emit("usage:status", { watchId, error: "your access to this changed", closed: true });
    }
  };
  return { hub, guard };
}
