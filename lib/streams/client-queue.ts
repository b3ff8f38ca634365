// What one viewer still has to receive. Lines go out in batches of up to 2,000, with at most a
// few batches awaiting the viewer's acknowledgement: an idle stream sends a new line at once,
// a busy one fills batches while earlier ones are in flight. A viewer that cannot keep up loses
// its oldest queued lines (bounded by count and bytes) and the next batch says how many were
// skipped: the server's memory per viewer is bounded whatever the log volume.
import type { LogLine } from "./log-line";

export interface LogFrame {
  lines: LogLine[];
  /** Lines dropped before this batch because the viewer was behind. */
  skipped?: number;
  status?: "live" | "reconnecting" | "ended";
  error?: string;
}

export const BATCH_LINES = 2_000;
export const MAX_IN_FLIGHT = 4;
const LINE_OVERHEAD_BYTES = 64;

const sizeOf = (line: LogLine) => line.text.length + LINE_OVERHEAD_BYTES;

export class ClientQueue {
  private pending: LogLine[] = [];
  private pendingBytes = 0;
  private skipped = 0;
  private status: LogFrame["status"];
  private error: string | undefined;
  private inFlight = 0;
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly deliver: (frame: LogFrame) => Promise<void>,
    private readonly limits = { lines: 20_000, bytes: 8 * 1024 * 1024 },
  ) {}

  push(lines: LogLine[]): void {
    if (this.closed) return;
    for (const line of lines) {
      this.pending.push(line);
      this.pendingBytes += sizeOf(line);
    }
    let drop = 0;
    while (
      this.pending.length - drop > this.limits.lines ||
      (this.pendingBytes > this.limits.bytes && drop < this.pending.length)
    ) {
      this.pendingBytes -= sizeOf(this.pending[drop]!);
      drop++;
    }
    if (drop) {
      this.pending.splice(0, drop);
      this.skipped += drop;
    }
    this.schedule();
  }

  setStatus(status: LogFrame["status"], error?: string): void {
    this.status = status;
    this.error = error;
    this.schedule();
  }

  get queued(): number {
    return this.pending.length;
  }

  close(): void {
    this.closed = true;
    this.pending = [];
    this.pendingBytes = 0;
  }

  // Coalesces the lines pushed in one turn of the event loop into one batch.
  private schedule(): void {
    if (this.closed || this.scheduled || this.inFlight >= MAX_IN_FLIGHT) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.closed || this.inFlight >= MAX_IN_FLIGHT) return;
    if (!this.pending.length && !this.skipped && !this.status) return;
    const lines = this.pending.splice(0, BATCH_LINES);
    for (const line of lines) this.pendingBytes -= sizeOf(line);
    const frame: LogFrame = { lines };
    if (this.skipped) frame.skipped = this.skipped;
    if (this.status) frame.status = this.status;
    if (this.error) frame.error = this.error;
    this.skipped = 0;
    this.status = undefined;
    this.error = undefined;
    this.inFlight++;
    if (this.pending.length) this.schedule();
    try {
      await this.deliver(frame);
    } catch {
      // A lost acknowledgement: carry on; a viewer that reconnects resumes from its last line.
    }
    this.inFlight--;
    this.schedule();
  }
}
