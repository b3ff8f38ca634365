// A socket.io log viewer for tests: collects frames and acknowledges them as the browser does.
import { io, type Socket } from "socket.io-client";
import type { LogFrame } from "@/lib/streams/viewer-cursor";
import { linesOf, type WireFrame } from "@/lib/streams/wire-frame";

export function logSocket(appUrl: string, cookie: string) {
  const socket: Socket = io(appUrl, { transports: ["websocket"], extraHeaders: { cookie } });
  type Frame = LogFrame & { subscriptionId: string; member: string };
  const frames: Frame[] = [];
  socket.on("logs:frame", (wire: WireFrame, ack: () => void) => {
    frames.push({ ...wire, lines: linesOf(wire) });
    ack();
  });
  const lines = () => frames.flatMap((f) => f.lines);
  return { socket, frames, lines, texts: () => lines().map((l) => l.text) };
}
