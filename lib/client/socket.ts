// One socket.io connection per browser tab, shared by every hook (websocket transport only).
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../realtime/events";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: ClientSocket | undefined;

export function getSocket(): ClientSocket {
  socket ??= io({ transports: ["websocket"], withCredentials: true });
  return socket;
}

// Connect as soon as this module loads in the browser, before the first component mounts: the
// handshake overlaps hydration instead of following it.
if (typeof window !== "undefined") getSocket();
