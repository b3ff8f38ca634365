// The recent lines of one upstream, numbered: line n keeps number n for as long as it is held, so
// every viewer is just a position in it. Bounded by line count and by bytes (lines can be up to
// 64 KB), so memory stays flat whatever the volume or the number of viewers.
import type { LogLine } from "./log-line";

const LINE_OVERHEAD_BYTES = 64;
export const lineBytes = (line: LogLine) => line.text.length + LINE_OVERHEAD_BYTES;

export class LogRing {
  // Grows as lines come (a quiet source holds a small array), up to `capacity`.
  private items: (LogLine | undefined)[] = [];
  /** Number of the oldest line held. */
  private firstSeq = 0;
  /** Number the next line will get. */
  private endSeq = 0;
  private bytes = 0;

  constructor(
    readonly capacity: number,
    readonly maxBytes: number,
  ) {}

  get first(): number {
    return this.firstSeq;
  }

  get end(): number {
    return this.endSeq;
  }

  push(line: LogLine): void {
    if (this.endSeq - this.firstSeq === this.capacity) this.dropOldest();
    this.items[this.endSeq % this.capacity] = line;
    this.endSeq++;
    this.bytes += lineBytes(line);
    while (this.bytes > this.maxBytes && this.endSeq - this.firstSeq > 1) this.dropOldest();
  }

  /** Line number `seq`, if still held. */
  at(seq: number): LogLine | undefined {
    return seq >= this.firstSeq && seq < this.endSeq ? this.items[seq % this.capacity] : undefined;
  }

  /** Number of the first line held with a timestamp after `ts` (compare: RFC 3339 order). */
  firstAfter(ts: string, compare: (a: string, b: string) => number): number {
    let seq = this.endSeq;
    while (seq > this.firstSeq && compare(this.at(seq - 1)!.ts, ts) > 0) seq--;
    return seq;
  }

  /** Oldest first. */
  toArray(): LogLine[] {
    const out: LogLine[] = [];
    for (let seq = this.firstSeq; seq < this.endSeq; seq++) out.push(this.at(seq)!);
    return out;
  }

  private dropOldest(): void {
    const index = this.firstSeq % this.capacity;
    this.bytes -= lineBytes(this.items[index]!);
    this.items[index] = undefined;
    this.firstSeq++;
  }
}
