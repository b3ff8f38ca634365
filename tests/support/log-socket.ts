// A socket.io log viewer for tests: collects frames and acknowledges them as the browser does.
import { io, type Socket } from "socket.io-client";
import type { LogFrame } from "@/lib/streams/viewer-cursor";

export function logSocket(appUrl: string, cookie: string) {
  const socket: Socket = io(appUrl, { transports: ["websocket"], extraHeaders: { cookie } });
  type Frame = LogFrame & { subscriptionId: string; member: string };
  const frames: Frame[] = [];
  socket.on("logs:frame", (frame: Frame, ack: () => void) => {
    frames.push(frame);
    ack();
  });
  const lines = () => frames.flatMap((f) => f.lines);
  return { socket, frames, lines, texts: () => lines().map((l) => l.text) };
}
