// A socket.io terminal client for tests and benches: opens terminals, types, resizes, and collects
// each session's output (acknowledged as the browser does) and how it ended.
import { StringDecoder } from "node:string_decoder";
import { io, type Socket } from "socket.io-client";
import type { TerminalRequest } from "@/lib/streams/terminal/terminal-request";

export interface TerminalEnded {
  exitCode: number | null;
  message: string | null;
}

/** `keep: false`: output is only handed to `listeners` (benches reading megabytes). */
export function terminalSocket(appUrl: string, cookie: string, options: { keep?: boolean } = {}) {
  const keep = options.keep ?? true;
  const socket: Socket = io(appUrl, { transports: ["websocket"], extraHeaders: { cookie } });
  const output = new Map<string, string>();
  const decoders = new Map<string, StringDecoder>();
  const ended = new Map<string, TerminalEnded>();
  const listeners = new Set<(sessionId: string, bytes: Buffer) => void>();
  socket.on("exec:output", (event: { sessionId: string; data: Buffer }, ack?: () => void) => {
    if (keep) {
      const decoder = decoders.get(event.sessionId) ?? new StringDecoder("utf8");
      decoders.set(event.sessionId, decoder);
      output.set(event.sessionId, (output.get(event.sessionId) ?? "") + decoder.write(event.data));
    }
    for (const listener of listeners) listener(event.sessionId, event.data);
    ack?.();
  });
  socket.on("exec:ended", (event: { sessionId: string } & TerminalEnded) =>
    ended.set(event.sessionId, { exitCode: event.exitCode, message: event.message }),
  );
  return {
    socket,
    listeners,
    /** Everything the session printed so far. */
    output: (sessionId: string) => output.get(sessionId) ?? "",
    ended: (sessionId: string) => ended.get(sessionId),
    async start(request: TerminalRequest): Promise<{ ok: boolean; data?: { sessionId: string }; error?: string }> {
      return socket.timeout(20_000).emitWithAck("exec:start", request);
    },
    type(sessionId: string, data: string) {
      socket.emit("exec:input", { sessionId, data });
    },
    resize(sessionId: string, cols: number, rows: number) {
      socket.emit("exec:resize", { sessionId, cols, rows });
    },
    close(sessionId: string) {
      socket.emit("exec:close", { sessionId });
    },
  };
}
