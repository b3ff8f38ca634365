// What a socket follows per endpoint (a live overview, a fleet card): kept per socket, stopped when
// the socket goes, told the viewer's re-checked grants, and ended — with `onRevoked` to tell the
// tab — when the endpoint is gone or no longer visible to them. One place for what each such
// feature would otherwise repeat.
import { visibleEndpointIds, type Subject } from "../rbac/authorize";
import type { AccessGuard } from "./access-recheck";
import type { RealtimeServer } from "./hub";
import type { RealtimeSocket } from "./socket-data";

export interface Following {
  /** The viewer's grants as re-checked (their namespaces may have changed). */
  setSubject(subject: Subject): void;
  stop(): void;
}

export function endpointFollowings<F extends Following>(
  io: RealtimeServer,
  onRevoked: (socket: RealtimeSocket, endpointId: string) => void,
) {
  const bySocket = new WeakMap<RealtimeSocket, Map<string, F>>();
  const of = (socket: RealtimeSocket) => {
    let mine = bySocket.get(socket);
    if (!mine) bySocket.set(socket, (mine = new Map()));
    return mine;
  };
  const stop = (socket: RealtimeSocket, endpointId: string) => {
    of(socket).get(endpointId)?.stop();
    of(socket).delete(endpointId);
  };
  const stopAll = (socket: RealtimeSocket) => {
    for (const following of of(socket).values()) following.stop();
    of(socket).clear();
  };
  io.on("connection", (socket) => socket.on("disconnect", () => stopAll(socket)));

  const guard: AccessGuard = (socket, { subject, endpointExists }) => {
    for (const [endpointId, following] of bySocket.get(socket) ?? []) {
      if (endpointExists(endpointId) && visibleEndpointIds(subject, [endpointId]).length) {
        following.setSubject(subject);
        continue;
      }
      stop(socket, endpointId);
      onRevoked(socket, endpointId);
    }
  };
  return { of, stop, stopAll, guard };
}
