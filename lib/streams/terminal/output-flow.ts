// Carries a terminal's output to one browser with flow control: each frame waits for the browser's
// acknowledgement; with MAX_IN_FLIGHT frames or MAX_IN_FLIGHT_BYTES unacknowledged the upstream is
// paused (Docker's socket, the API server's WebSocket) and what already arrived is merged into
// frames of at most FRAME_BYTES. Frames go out as output comes (a key's echo is not held back);
// a TTY hands over a few KB at a time, so the window counts bytes too, or a fast program would
// wait on round trips. Memory per terminal stays bounded however fast the program writes and
// however slow the tab is (about MAX_IN_FLIGHT_BYTES + FRAME_BYTES).

export const MAX_IN_FLIGHT = 16;
export const MAX_IN_FLIGHT_BYTES = 256 * 1024;
export const FRAME_BYTES = 64 * 1024;

export class OutputFlow {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private inFlight = 0;
  private inFlightBytes = 0;
  private paused = false;
  private stopped = false;
  /** Nothing is sent until `release` (the browser must know the session before its output). */
  private held = true;
  private idle: (() => void)[] = [];

  constructor(
    private readonly options: {
      send(frame: Buffer): Promise<void>;
      pause(): void;
      resume(): void;
      /** A frame was not acknowledged in time (the tab is gone or stuck). */
      failed(error: unknown): void;
    },
  ) {}

  push(chunk: Buffer): void {
    if (this.stopped || chunk.length === 0) return;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.pump();
  }

  release(): void {
    this.held = false;
    this.pump();
  }

  /** Resolves once everything pushed was acknowledged (or the flow stopped). */
  drained(): Promise<void> {
    if (this.stopped || (this.inFlight === 0 && this.pendingBytes === 0)) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    this.pending = [];
    this.pendingBytes = 0;
    this.settle();
  }

  private pump(): void {
    while (!this.stopped && !this.held && !this.windowFull() && this.pendingBytes > 0) {
      const frame = this.take();
      this.inFlight++;
      this.inFlightBytes += frame.length;
      const acknowledged = () => {
        this.inFlight--;
        this.inFlightBytes -= frame.length;
      };
      this.options.send(frame).then(
        () => {
          acknowledged();
          this.pump();
        },
        (error: unknown) => {
          acknowledged();
          if (this.stopped) return;
          this.stop();
          this.options.failed(error);
        },
      );
    }
    this.steer();
    this.settle();
  }

  /** Up to FRAME_BYTES from the front of what is waiting, as one buffer. */
  private take(): Buffer {
    const parts: Buffer[] = [];
    let size = 0;
    while (this.pending.length && size < FRAME_BYTES) {
      const head = this.pending[0]!;
      const room = FRAME_BYTES - size;
      if (head.length <= room) {
        parts.push(this.pending.shift()!);
        size += head.length;
      } else {
        parts.push(head.subarray(0, room));
        this.pending[0] = head.subarray(room);
        size += room;
      }
    }
    this.pendingBytes -= size;
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
  }

  private windowFull(): boolean {
    return this.inFlight >= MAX_IN_FLIGHT || this.inFlightBytes >= MAX_IN_FLIGHT_BYTES;
  }

  private steer(): void {
    const behind = (this.held || this.windowFull()) && this.pendingBytes > 0;
    if (behind && !this.paused) {
      this.paused = true;
      this.options.pause();
    } else if (!behind && this.paused && !this.stopped) {
      this.paused = false;
      this.options.resume();
    }
  }

  private settle(): void {
    if (!this.stopped && (this.inFlight > 0 || this.pendingBytes > 0)) return;
    for (const resolve of this.idle.splice(0)) resolve();
  }
}
