// Access to the socket.io server from anywhere in the process. Next bundles route handlers
// separately from server.ts, so the instance is kept on globalThis.
import type { Server } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "./events";
import type { InstanceEvents } from "./instance-events";
import type { SocketData } from "./socket-data";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InstanceEvents, SocketData>;

const key = Symbol.for("fleetdeck.io");
type Holder = { [key]?: RealtimeServer };

export function setRealtimeServer(io: RealtimeServer | undefined): void {
  (globalThis as Holder)[key] = io;
}

export function realtimeServer(): RealtimeServer | undefined {
  return (globalThis as Holder)[key];
}

export const endpointRoom = (endpointId: string) => `endpoint:${endpointId}`;
export const ADMIN_ROOM = "admins";

/**
 * Emit to everyone allowed to see the endpoint (its watchers and all administrators), on every
 * instance: the Postgres adapter carries the broadcast.
 */
export function emitForEndpoint<E extends keyof ServerToClientEvents>(
  endpointId: string,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  realtimeServer()
    ?.to(endpointRoom(endpointId))
    .to(ADMIN_ROOM)
    .emit(event, ...args);
}
