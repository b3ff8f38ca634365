// audit:watch — a tab follows new audit rows matching its filter. The socket joins the rooms of its
// reader scope (the same rule as GET /api/audit); the access re-check keeps those rooms equal to the
// current grants and ends the watch (audit:closed) when the person may no longer read the log.
import type { AuditScope } from "../audit/audit-access";
import { auditScope } from "../audit/audit-scope";
import type { AccessGuard } from "./access-recheck";
import { AUDIT_ALL_ROOM, auditEndpointRoom } from "./audit-push";
import type { RealtimeServer } from "./hub";
import type { RealtimeSocket } from "./socket-data";
import { AccessDeniedError } from "../rbac/access-denied";
import { onEvent } from "./socket-handler";

const isAuditRoom = (room: string) => room === AUDIT_ALL_ROOM || room.startsWith(auditEndpointRoom(""));

async function joinScopeRooms(socket: RealtimeSocket, scope: AuditScope | null) {
  const wanted = new Set(
    scope === null ? [] : scope.all ? [AUDIT_ALL_ROOM] : scope.endpointIds.map((id) => auditEndpointRoom(id)),
  );
  for (const room of [...socket.rooms]) if (isAuditRoom(room) && !wanted.has(room)) await socket.leave(room);
  if (wanted.size) await socket.join([...wanted]);
}

async function stopWatching(socket: RealtimeSocket) {
  delete socket.data.auditFilter;
  await joinScopeRooms(socket, null);
}

export function attachAuditWatch(io: RealtimeServer, log: (message: string) => void) {
  io.on("connection", (socket) => {
    onEvent(
      socket,
      "audit:watch",
      async (filter) => {
        const subject = socket.data.subject;
        const scope = await auditScope(subject);
        if (!scope) throw new AccessDeniedError("you may not read the audit log", { action: "audit.read" });
        socket.data.auditFilter = filter;
        await joinScopeRooms(socket, scope);
        return { scope: scope.all ? "all" : "endpoints" };
      },
      log,
    );
    onEvent(socket, "audit:unwatch", () => stopWatching(socket).then(() => null), log);
  });

  const guard: AccessGuard = async (socket, { subject }) => {
    if (!socket.data.auditFilter) return;
    const scope = await auditScope(subject);
    if (scope) return joinScopeRooms(socket, scope);
    await stopWatching(socket);
    socket.emit("audit:closed", { reason: "you may no longer read the audit log" });
  };
  return { guard };
}
