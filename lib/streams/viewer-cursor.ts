// What one viewer still has to receive, as a position in its upstream's ring of recent lines:
// the viewer holds no lines of its own, so a thousand viewers cost what one does, and a slow one
// costs nothing. Lines go out in batches packed straight from the ring's bytes (up to 5,000 lines
// or 256 KB), with at most a few batches awaiting the viewer's acknowledgement: an idle stream
// sends a new line at once, a busy one fills batches while earlier ones are in flight. A viewer
// that falls behind the ring skips to its oldest line, and the next batch says how many were skipped.
import { countLogLines } from "../metrics/log-line-metrics";
import type { LogRing, PackedLines } from "./log-ring";

export interface LogFrame {
  /** Absent in a frame that only carries a status or a skip count. */
  lines?: PackedLines;
  /** Lines dropped before this batch because the viewer was behind. */
  skipped?: number;
  /** "closed": the server ended the subscription (access revoked, endpoint deleted); `error` says why. */
  status?: "live" | "reconnecting" | "ended" | "closed";
  error?: string;
}

// Frames are Buffers outside V8's heap: larger ones cost no garbage, and fewer of them less work.
export const BATCH_LINES = 5_000;
export const BATCH_BYTES = 256 * 1024;
export const MAX_IN_FLIGHT = 6;

export class ViewerCursor {
  private skipped = 0;
  private status: LogFrame["status"];
  private error: string | undefined;
  private inFlight = 0;
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly ring: LogRing,
    /** Number of the next line this viewer gets. */
    private next: number,
    private readonly deliver: (frame: LogFrame) => Promise<void>,
  ) {
    this.schedule();
  }

  /** New lines are in the ring. */
  notify(): void {
    this.schedule();
  }

  setStatus(status: LogFrame["status"], error?: string): void {
    this.status = status;
    this.error = error;
    this.schedule();
  }

  close(): void {
    this.closed = true;
  }

  // Coalesces the lines of one turn of the event loop into one batch.
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
    if (this.next < this.ring.first) {
      this.skipped += this.ring.first - this.next;
      this.next = this.ring.first;
    }
    if (this.next >= this.ring.end && !this.skipped && !this.status) return;
    const from = this.next;
    let bytes = 0;
    while (this.next < this.ring.end && this.next - from < BATCH_LINES && (bytes < BATCH_BYTES || this.next === from))
      bytes += this.ring.sizeOf(this.next++);
    const frame: LogFrame = {};
    if (this.next > from) frame.lines = this.ring.pack(from, this.next - from);
    if (this.skipped) frame.skipped = this.skipped;
    if (this.status) frame.status = this.status;
    if (this.error) frame.error = this.error;
    countLogLines(this.next - from, this.skipped);
    this.skipped = 0;
    this.status = undefined;
    this.error = undefined;
    this.inFlight++;
    if (this.next < this.ring.end) this.schedule();
    try {
      await this.deliver(frame);
    } catch {
      // A lost acknowledgement: carry on; a viewer that reconnects resumes from its last line.
    }
    this.inFlight--;
    this.schedule();
  }
}
