// What one viewer still has to receive. Lines are sent in batches (every 50 ms or 1000 lines),
// one batch in flight at a time (the client acknowledges each). A viewer that cannot keep up
// loses its oldest queued lines, and the next batch says how many were skipped: the server's
// memory per viewer is bounded whatever the log volume.
import type { LogLine } from "./log-line";

export interface LogFrame {
  lines: LogLine[];
  /** Lines dropped before this batch because the viewer was behind. */
  skipped?: number;
  status?: "live" | "reconnecting";
  error?: string;
}

export const FLUSH_MS = 50;
export const BATCH_LINES = 1000;

export class ClientQueue {
  private pending: LogLine[] = [];
  private skipped = 0;
  private status: LogFrame["status"];
  private error: string | undefined;
  private inFlight = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly deliver: (frame: LogFrame) => Promise<void>,
    private readonly maxQueued = 10_000,
  ) {}

  push(lines: LogLine[]): void {
    if (this.closed) return;
    this.pending.push(...lines);
    const over = this.pending.length - this.maxQueued;
    if (over > 0) {
      this.pending.splice(0, over);
      this.skipped += over;
    }
    this.schedule(this.pending.length >= BATCH_LINES ? 0 : FLUSH_MS);
  }

  setStatus(status: LogFrame["status"], error?: string): void {
    this.status = status;
    this.error = error;
    this.schedule(0);
  }

  get queued(): number {
    return this.pending.length;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.pending = [];
  }

  private schedule(delay: number): void {
    if (this.closed || this.inFlight) return;
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private async flush(): Promise<void> {
    this.timer = null;
    if (this.closed || this.inFlight) return;
    if (!this.pending.length && !this.skipped && !this.status) return;
    const frame: LogFrame = { lines: this.pending.splice(0, BATCH_LINES) };
    if (this.skipped) frame.skipped = this.skipped;
    if (this.status) frame.status = this.status;
    if (this.error) frame.error = this.error;
    this.skipped = 0;
    this.status = undefined;
    this.error = undefined;
    this.inFlight = true;
    try {
      await this.deliver(frame);
    } catch {
      // A lost acknowledgement: carry on; the viewer resumes from its last line if it reconnects.
    }
    this.inFlight = false;
    if (this.pending.length || this.skipped || this.status)
      this.schedule(this.pending.length >= BATCH_LINES ? 0 : FLUSH_MS);
  }
}
