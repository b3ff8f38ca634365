// One terminal session over the tab's socket: starts it, carries keys and resizes up, hands output
// down to the screen and acknowledges each frame once the screen has taken it (so a busy tab
// slows the program down instead of piling output up), and reports how it ended.
import type { TerminalRequest, TerminalSize } from "../streams/terminal/terminal-request";
import { MAX_TERMINAL_INPUT } from "../realtime/limits";
import type { ClientSocket } from "./socket";

type Output = { sessionId: string; data: ArrayBuffer | Uint8Array };

export interface TerminalHandlers {
  /** Write to the screen; call `done` once written. */
  output(data: Uint8Array, done: () => void): void;
  started(command: string[] | null): void;
  ended(message: string): void;
}

export class TerminalConnection {
  private sessionId: string | null = null;
  private finished = false;

  constructor(
    private readonly socket: ClientSocket,
    private readonly handlers: TerminalHandlers,
  ) {}

  async start(request: TerminalRequest): Promise<void> {
    this.socket.on("exec:output", this.onOutput);
    this.socket.on("exec:ended", this.onEnded);
    this.socket.on("disconnect", this.onDisconnect);
    const reply = await this.socket
      .timeout(30_000)
      .emitWithAck("exec:start", request)
      .catch(() => ({ ok: false as const, error: "the server did not answer" }));
    if (this.finished) {
      if (reply.ok) this.socket.emit("exec:close", { sessionId: reply.data.sessionId });
      return;
    }
    if (!reply.ok) return this.finish(reply.error);
    this.sessionId = reply.data.sessionId;
    this.handlers.started(reply.data.command);
  }

  input(data: string): void {
    if (!this.sessionId || this.finished) return;
    // A large paste goes in pieces the server accepts.
    for (let i = 0; i < data.length; i += MAX_TERMINAL_INPUT)
      this.socket.emit("exec:input", { sessionId: this.sessionId, data: data.slice(i, i + MAX_TERMINAL_INPUT) });
  }

  resize(size: TerminalSize): void {
    if (this.sessionId && !this.finished) this.socket.emit("exec:resize", { sessionId: this.sessionId, ...size });
  }

  /** Ends the session (the tab was closed or left). */
  dispose(): void {
    if (this.sessionId && !this.finished) this.socket.emit("exec:close", { sessionId: this.sessionId });
    this.finished = true;
    this.off();
  }

  private onOutput = (event: Output, ack: () => void) => {
    if (event.sessionId !== this.sessionId) return;
    const data = event.data instanceof Uint8Array ? event.data : new Uint8Array(event.data);
    this.handlers.output(data, ack);
  };

  private onEnded = (event: { sessionId: string; exitCode: number | null; message: string | null }) => {
    if (event.sessionId !== this.sessionId) return;
    this.finish(event.message ?? (event.exitCode === null ? "session ended" : `exited with code ${event.exitCode}`));
  };

  private onDisconnect = () => this.finish("the connection to the server was lost");

  private finish(message: string): void {
    if (this.finished) return;
    this.finished = true;
    this.off();
    this.handlers.ended(message);
  }

  private off(): void {
    this.socket.off("exec:output", this.onOutput);
    this.socket.off("exec:ended", this.onEnded);
    this.socket.off("disconnect", this.onDisconnect);
  }
}
