// What one instance tells the others (socket.io's serverSideEmit over the Postgres adapter). Each
// instance runs its own upstream streams for its own sockets, so stream output stays local; only
// facts about the shared database travel: an audit row was written, grants or accounts changed.
import { realtimeServer, type RealtimeServer } from "./hub";

export interface InstanceEvents {
  /** A row was written to the audit log: push it to this instance's audit watchers. */
  "audit:row": (row: { id: string; endpointId: string | null }) => void;
  /** Access changed (grant, account, session, endpoint deleted): re-check this instance's sockets. */
  "access:recheck": () => void;
}

/** Sends to every other instance (not this one); a no-op outside the server. */
export function tellOtherInstances<E extends keyof InstanceEvents>(
  event: E,
  ...args: Parameters<InstanceEvents[E]>
): void {
  const io = realtimeServer();
  if (!io) return;
  try {
    io.serverSideEmit(event, ...args);
  } catch {
    // Only refused for events with an acknowledgement; ours have none.
  }
}

/** Runs this instance's part when another instance tells it something. */
export function listenToOtherInstances(
  io: RealtimeServer,
  handlers: { [E in keyof InstanceEvents]: InstanceEvents[E] },
): void {
  for (const [event, handler] of Object.entries(handlers) as [keyof InstanceEvents, (...args: unknown[]) => void][])
    io.on(event, handler as never);
}
