// socket.io wiring: authenticate on connect, the endpoint rooms, each feature's handlers (all
// through onEvent), and the access re-check that ends what is no longer allowed.
import { listVisibleEndpoints } from "../endpoints/registry";
import { visibleEndpointIds } from "../rbac/authorize";
import { loadSubject } from "../rbac/load-subject";
import { startAccessRecheck, type AccessGuard } from "./access-recheck";
import { attachDockerWatch } from "./docker-watch";
import { ADMIN_ROOM, endpointRoom, type RealtimeServer } from "./hub";
import { attachFleetWatch } from "./fleet-watch";
import { attachKubeOverview } from "./kube-overview";
import { attachKubeWatch } from "./kube-watch";
import { attachLogsWatch } from "./logs-watch";
import { attachPaletteSearch } from "./palette-search";
import { authenticateHandshake } from "./socket-auth";
import { SocketRequestError, onEvent } from "./socket-handler";

const ENDPOINT_ROOM_PREFIX = endpointRoom("");
/** Rooms endpoints:watch manages; other features' rooms (docker:<id>) are theirs. */
const isEndpointRoom = (room: string) => room === ADMIN_ROOM || room.startsWith(ENDPOINT_ROOM_PREFIX);

/** Leaves the endpoint rooms and the admin room the subject no longer may be in. */
const endpointRoomsGuard: AccessGuard = (socket, { subject, endpointExists }) => {
  for (const room of socket.rooms) {
    if (!isEndpointRoom(room)) continue;
    const allowed =
      room === ADMIN_ROOM
        ? subject.isAdmin
        : (() => {
            const id = room.slice(ENDPOINT_ROOM_PREFIX.length);
            return endpointExists(id) && visibleEndpointIds(subject, [id]).length > 0;
          })();
    if (!allowed) void socket.leave(room);
  }
};

export function attachRealtime(io: RealtimeServer, log: (message: string) => void = () => {}): () => void {
  io.use((socket, next) => {
    authenticateHandshake(socket.request, socket.handshake.auth?.token)
      .then((data) => {
        if (!data) return next(new Error("sign in first"));
        socket.data.subject = data.subject;
        socket.data.credential = data.credential;
        next();
      })
      .catch(() => next(new Error("could not check your session")));
  });

  io.on("connection", (socket) => {
    onEvent(
      socket,
      "endpoints:watch",
      async () => {
        // Reload: grants may have changed since the socket connected.
        const subject = await loadSubject(socket.data.subject.userId);
        if (!subject) throw new SocketRequestError("sign in first");
        socket.data.subject = subject;
        const endpoints = await listVisibleEndpoints(subject);
        for (const room of socket.rooms) if (isEndpointRoom(room)) void socket.leave(room);
        if (subject.isAdmin) void socket.join(ADMIN_ROOM);
        for (const e of endpoints) void socket.join(endpointRoom(e.id));
        return { endpointIds: endpoints.map((e) => e.id) };
      },
      log,
    );
  });
  const docker = attachDockerWatch(io, log);
  const logs = attachLogsWatch(io, log);
  const kube = attachKubeWatch(io, log);
  const overview = attachKubeOverview(io, log, kube.cache);
  attachPaletteSearch(io, log);
  const fleet = attachFleetWatch(io, { log, cache: kube.cache });
  return startAccessRecheck(io, {
    guards: [endpointRoomsGuard, docker.guard, logs.guard, kube.guard, overview.guard, fleet.guard],
    sweeps: [docker.sweep],
    log,
  });
}
