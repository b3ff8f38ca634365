// A socket.io log viewer for tests: collects frames and member changes, and acknowledges frames
// as the browser does.
import { io, type Socket } from "socket.io-client";
import type { LogMember } from "@/lib/realtime/events";
import { receiveFrame, type ReceivedFrame, type WireFrame } from "@/lib/streams/wire-frame";

export function logSocket(appUrl: string, cookie: string, options: { token?: string } = {}) {
  const socket: Socket = io(appUrl, {
    transports: ["websocket"],
    extraHeaders: { cookie },
    ...(options.token ? { auth: { token: options.token } } : {}),
  });
  const frames: ReceivedFrame[] = [];
  const members: { subscriptionId: string; joined: LogMember[]; left: string[] }[] = [];
  socket.on("logs:frame", (wire: WireFrame, ack?: () => void) => {
    frames.push(receiveFrame(wire));
    ack?.();
  });
  socket.on("logs:members", (change: (typeof members)[number]) => members.push(change));
  const lines = () => frames.flatMap((f) => f.lines);
  return { socket, frames, members, lines, texts: () => lines().map((l) => l.text) };
}
