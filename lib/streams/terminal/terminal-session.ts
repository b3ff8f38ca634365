// One open terminal: output to the browser under flow control, input and resizes to the upstream,
// the idle timeout, and exactly one end, whichever side ends it (the process exits, the person
// closes the tab, the socket goes, access is revoked, nobody typed for too long).
import { IdleTimer } from "./idle-timer";
import { OutputFlow } from "./output-flow";
import type { TerminalSize } from "./terminal-request";
import type { TerminalEnd, TerminalSink, TerminalUpstream } from "./terminal-upstream";

export interface SessionEnd extends TerminalEnd {
  /** "process": it exited upstream; "server": this side ended it (message says why). */
  by: "process" | "server";
}

export class TerminalSession {
  private upstream: TerminalUpstream | null = null;
  private ended = false;
  private readonly flow: OutputFlow;
  /** Runs from `connect` (a session that never opened has nothing to time out). */
  private idle: IdleTimer | null = null;
  private readonly startIdle: () => IdleTimer;
  private readonly onEnd: (end: SessionEnd) => void;
  /** Handed to the upstream when it opens; output may arrive before `connect`. */
  readonly sink: TerminalSink;

  constructor(options: { idleTimeoutMs: number; send(frame: Buffer): Promise<void>; onEnd(end: SessionEnd): void }) {
    const { onEnd } = options;
    this.flow = new OutputFlow({
      send: options.send,
      pause: () => this.upstream?.pause(),
      resume: () => this.upstream?.resume(),
      failed: () => this.close("the browser stopped reading the output"),
    });
    const minutes = Math.round(options.idleTimeoutMs / 60_000);
    this.startIdle = () =>
      new IdleTimer(options.idleTimeoutMs, () =>
        this.close(
          `closed after ${minutes >= 1 ? `${minutes} min` : `${options.idleTimeoutMs / 1000} s`} without input`,
        ),
      );
    this.onEnd = onEnd;
    this.sink = {
      output: (chunk) => this.flow.push(chunk),
      ended: (end) => {
        if (this.ended) return;
        this.ended = true;
        this.idle?.stop();
        // The last output reaches the screen before the end is told.
        void this.flow.drained().then(() => onEnd({ ...end, by: "process" }));
      },
    };
  }

  get open(): boolean {
    return !this.ended;
  }

  connect(upstream: TerminalUpstream): void {
    this.upstream = upstream;
    if (this.ended) upstream.close();
    else this.idle = this.startIdle();
  }

  /** Lets output flow (once the browser was told the session id). */
  release(): void {
    this.flow.release();
  }

  input(data: string): void {
    if (this.ended) return;
    this.idle?.touch();
    this.upstream?.write(data);
  }

  resize(size: TerminalSize): void {
    if (this.ended) return;
    this.idle?.touch();
    this.upstream?.resize(size);
  }

  /** Ends the session from this side: the upstream is hung up and `onEnd` told `reason` at once. */
  close(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.idle?.stop();
    this.flow.stop();
    this.upstream?.close();
    this.onEnd({ exitCode: null, message: reason, by: "server" });
  }
}
