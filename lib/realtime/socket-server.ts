// socket.io wiring: authenticate on connect, then subscriptions checked with the same authorize()
// as REST handlers.
import { listVisibleEndpoints } from "../endpoints/registry";
import type { Subject } from "../rbac/authorize";
import { loadSubject } from "../rbac/load-subject";
import { attachDockerWatch } from "./docker-watch";
import { attachLogsWatch } from "./logs-watch";
import { ADMIN_ROOM, endpointRoom, type RealtimeServer } from "./hub";
import { subjectFromHandshake } from "./socket-auth";

interface SocketData {
  subject: Subject;
}

export function attachRealtime(io: RealtimeServer, log: (message: string) => void = () => {}): void {
  io.use((socket, next) => {
    subjectFromHandshake(socket.request, socket.handshake.auth?.token)
      .then((subject) => {
        if (!subject) return next(new Error("sign in first"));
        (socket.data as SocketData).subject = subject;
        next();
      })
      .catch(() => next(new Error("could not check your session")));
  });

  io.on("connection", (socket) => {
    socket.on("endpoints:watch", async (ack) => {
      if (typeof ack !== "function") return;
      try {
        // Reload: grants may have changed since the socket connected.
        const subject = await loadSubject((socket.data as SocketData).subject.userId);
        if (!subject) return ack({ ok: false, error: "sign in first" });
        (socket.data as SocketData).subject = subject;
        const endpoints = await listVisibleEndpoints(subject);
        for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
        if (subject.isAdmin) void socket.join(ADMIN_ROOM);
        for (const e of endpoints) void socket.join(endpointRoom(e.id));
        ack({ ok: true, data: { endpointIds: endpoints.map((e) => e.id) } });
      } catch {
        ack({ ok: false, error: "could not load endpoints" });
      }
    });
  });
  attachDockerWatch(io, log);
  attachLogsWatch(io, log);
}
