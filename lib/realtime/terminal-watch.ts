// Terminals over the socket: exec:start / input / resize / close, each through onEvent; the
// access re-check ends a terminal whose user lost workload.exec there.
import { countUpstreamStreams } from "../metrics/upstream-streams";
import type { AccessGuard } from "./access-recheck";
import type { RealtimeServer } from "./hub";
import { MAX_TERMINALS_PER_USER } from "./limits";
import type { RealtimeSocket } from "./socket-data";
import { onEvent } from "./socket-handler";
import { SocketTerminals } from "./socket-terminals";
import { SubscriptionQuota } from "./subscription-quota";

export function attachTerminals(io: RealtimeServer, log: (message: string) => void) {
  const quota = new SubscriptionQuota(
    MAX_TERMINALS_PER_USER,
    `at most ${MAX_TERMINALS_PER_USER} terminals per user at once; close some first`,
  );
  const terminals = new WeakMap<RealtimeSocket, SocketTerminals>();
  const open = new Set<SocketTerminals>();
  countUpstreamStreams("terminal", function* () {
    for (const own of open) yield* own.endpointIds();
  });
  io.on("connection", (socket) => {
    const own = new SocketTerminals(socket, quota, log);
    terminals.set(socket, own);
    open.add(own);
    onEvent(socket, "exec:start", (request) => own.start(request), log);
    onEvent(socket, "exec:input", ({ sessionId, data }) => (own.input(sessionId, data), null), log);
    onEvent(socket, "exec:resize", ({ sessionId, cols, rows }) => (own.resize(sessionId, { cols, rows }), null), log);
    onEvent(socket, "exec:close", ({ sessionId }) => (own.close(sessionId), null), log);
    socket.on("disconnect", () => {
      own.closeAll();
      open.delete(own);
    });
  });
  const guard: AccessGuard = (socket, access) => terminals.get(socket)?.recheck(access);
  return { guard };
}
