// endpoints:watch — a tab's list of the person's endpoints, live: the socket joins a room per
// visible endpoint (status, edits and removals are emitted there) and administrators the admin room
// (new endpoints). The access re-check keeps the rooms equal to the current grants and tells the tab:
// an endpoint newly granted arrives as endpoint:changed, one no longer visible as endpoint:removed.
import { listVisibleEndpoints, visibleEndpointViews } from "../endpoints/registry";
import type { EndpointView } from "../endpoints/view";
import type { Subject } from "../rbac/authorize";
import type { AccessGuard } from "./access-recheck";
import { ADMIN_ROOM, endpointRoom, type RealtimeServer } from "./hub";
import type { RealtimeSocket } from "./socket-data";
import { SocketRequestError, onEvent } from "./socket-handler";
import { reloadSubject } from "./reload-subject";

const PREFIX = endpointRoom("");
const endpointRooms = (socket: RealtimeSocket) =>
  [...socket.rooms].filter((room) => room.startsWith(PREFIX)).map((room) => room.slice(PREFIX.length));

async function joinOnly(socket: RealtimeSocket, subject: Subject, endpoints: EndpointView[]) {
  const visible = new Set(endpoints.map((e) => e.id));
  const before = new Set(endpointRooms(socket));
  for (const id of before) if (!visible.has(id)) await socket.leave(endpointRoom(id));
  if (subject.isAdmin) await socket.join(ADMIN_ROOM);
  else await socket.leave(ADMIN_ROOM);
  await socket.join(endpoints.map((e) => endpointRoom(e.id)));
  return {
    added: endpoints.filter((e) => !before.has(e.id)),
    removed: [...before].filter((id) => !visible.has(id)),
  };
}

export function attachEndpointsWatch(io: RealtimeServer, log: (message: string) => void) {
  const watching = new WeakSet<RealtimeSocket>();

  io.on("connection", (socket) => {
    onEvent(
      socket,
      "endpoints:watch",
      async () => {
        // Reload: grants may have changed since the socket connected.
        const subject = await reloadSubject(socket);
        if (!subject) throw new SocketRequestError("sign in first");
        socket.data.subject = subject;
        const endpoints = await listVisibleEndpoints(subject);
        await joinOnly(socket, subject, endpoints);
        watching.add(socket);
        return { endpointIds: endpoints.map((e) => e.id) };
      },
      log,
    );
  });

  // The pass reads the endpoints once for every socket; each person's view of them once per pass.
  const visibleOf = new WeakMap<Subject, EndpointView[]>();
  const guard: AccessGuard = async (socket, { subject, endpoints: all }) => {
    if (!visibleOf.has(subject)) visibleOf.set(subject, visibleEndpointViews(subject, all));
    const endpoints = visibleOf.get(subject)!;
    const { added, removed } = await joinOnly(socket, subject, watching.has(socket) ? endpoints : []);
    if (!watching.has(socket)) return;
    for (const endpoint of added) socket.emit("endpoint:changed", { endpoint });
    for (const id of removed) socket.emit("endpoint:removed", { id });
  };
  return { guard };
}
