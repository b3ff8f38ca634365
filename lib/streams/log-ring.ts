// The recent lines of one upstream, numbered: line n keeps number n for as long as it is held, so
// every viewer is just a position in it. Lines are held as UTF-8 in one circular byte arena (off
// V8's heap, grown up to its bound): lines that live for seconds as strings and objects would be
// promoted to V8's old space and pile up there as garbage between major collections (tens of MB
// at 20k lines/s). Bounded by line count and bytes, so memory stays flat whatever the volume.
import type { LogLine } from "./log-line";
import { packFrame } from "./wire-frame";

/** Bookkeeping a line costs beside its bytes (the per-line arrays), counted against the bound. */
const LINE_OVERHEAD_BYTES = 24;
const FIRST_ARENA_BYTES = 64 * 1024;

/** A run of lines packed for the wire (wire-frame.ts), with what the hub needs to know of it. */
export interface PackedLines {
  packed: Buffer;
  count: number;
  /** The last line's timestamp: where a viewer resumes. */
  lastTs: string;
}

export class LogRing {
  private arena = Buffer.allocUnsafe(0);
  /** Where the next line's bytes go. */
  private head = 0;
  // Per slot (line number modulo their length): where the line's bytes start, their lengths in
  // bytes and UTF-16 units, its stream. Grown up to `capacity` (a quiet source holds small ones).
  private start = new Uint32Array(0);
  private tsBytes = new Uint32Array(0);
  private textBytes = new Uint32Array(0);
  private tsChars = new Uint32Array(0);
  private textChars = new Uint32Array(0);
  private stderr = new Uint8Array(0);
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

  /** Bytes a line counts against the bound (a frame is cut by the same measure). */
  sizeOf(seq: number): number {
    const slot = seq % this.start.length;
    return this.tsBytes[slot]! + this.textBytes[slot]! + LINE_OVERHEAD_BYTES;
  }

  push(line: LogLine): void {
    if (this.endSeq - this.firstSeq === this.capacity) this.dropOldest();
    if (this.endSeq - this.firstSeq === this.start.length) this.growSlots();
    // Room for the worst case (3 bytes a UTF-16 unit); the line then takes what it needs.
    const at = this.reserve(3 * (line.ts.length + line.text.length));
    const slot = this.endSeq % this.start.length;
    const tsBytes = this.arena.write(line.ts, at, "utf8");
    const textBytes = this.arena.write(line.text, at + tsBytes, "utf8");
    this.start[slot] = at;
    this.tsBytes[slot] = tsBytes;
    this.textBytes[slot] = textBytes;
    this.tsChars[slot] = line.ts.length;
    this.textChars[slot] = line.text.length;
    this.stderr[slot] = line.stream === "stderr" ? 1 : 0;
    this.head = at + tsBytes + textBytes;
    this.endSeq++;
    this.bytes += this.sizeOf(this.endSeq - 1);
    while (this.bytes > this.maxBytes && this.endSeq - this.firstSeq > 1) this.dropOldest();
  }

  /** Line number `seq`, if still held (decoded: for searches and resume points, not the stream). */
  at(seq: number): LogLine | undefined {
    if (seq < this.firstSeq || seq >= this.endSeq) return undefined;
    const slot = seq % this.start.length;
    const tsEnd = this.start[slot]! + this.tsBytes[slot]!;
    return {
      ts: this.arena.toString("utf8", this.start[slot], tsEnd),
      stream: this.stderr[slot] ? "stderr" : "stdout",
      text: this.arena.toString("utf8", tsEnd, tsEnd + this.textBytes[slot]!),
    };
  }

  /** Timestamp of line `seq` (held). */
  tsAt(seq: number): string {
    const slot = seq % this.start.length;
    return this.arena.toString("utf8", this.start[slot], this.start[slot]! + this.tsBytes[slot]!);
  }

  /** Number of the first line held with a timestamp after `ts` (compare: RFC 3339 order). */
  firstAfter(ts: string, compare: (a: string, b: string) => number): number {
    let seq = this.endSeq;
    while (seq > this.firstSeq && compare(this.tsAt(seq - 1), ts) > 0) seq--;
    return seq;
  }

  /** Oldest first. */
  toArray(): LogLine[] {
    const out: LogLine[] = [];
    for (let seq = this.firstSeq; seq < this.endSeq; seq++) out.push(this.at(seq)!);
    return out;
  }

  /** Lines [from, from + count) packed for the wire: their bytes copied as they lie, a run at a time. */
  pack(from: number, count: number): PackedLines {
    const slotOf = (i: number) => (from + i) % this.start.length;
    let stringBytes = 0;
    for (let i = 0; i < count; i++) stringBytes += this.tsBytes[slotOf(i)]! + this.textBytes[slotOf(i)]!;
    const packed = packFrame({
      count,
      tsChars: (i) => this.tsChars[slotOf(i)]!,
      textChars: (i) => this.textChars[slotOf(i)]!,
      stderr: (i) => this.stderr[slotOf(i)] === 1,
      stringBytes,
      writeStrings: (target, at) => {
        let i = 0;
        while (i < count) {
          // Lines follow one another in the arena until it wraps.
          const runStart = this.start[slotOf(i)]!;
          let runEnd = runStart;
          while (i < count && this.start[slotOf(i)] === runEnd) {
            runEnd += this.tsBytes[slotOf(i)]! + this.textBytes[slotOf(i)]!;
            i++;
          }
          at += this.arena.copy(target, at, runStart, runEnd);
        }
      },
    });
    return { packed, count, lastTs: this.tsAt(from + count - 1) };
  }

  /** An arena offset with `size` free bytes, after dropping the oldest lines or growing if need be. */
  private reserve(size: number): number {
    for (;;) {
      const held = this.endSeq - this.firstSeq;
      if (!held) this.head = 0;
      const tail = held ? this.start[this.firstSeq % this.start.length]! : 0;
      // Held bytes lie in [tail, head), or wrapped: [tail, end of arena) and [0, head).
      if (!held || this.head > tail) {
        if (this.head + size <= this.arena.length) return this.head;
        if (size <= tail) return 0;
      } else if (this.head + size <= tail) return this.head;
      // Up to the bound and one line more: a line that does not fit where the arena ends leaves
      // a gap, which should not cost a line the bound would keep.
      if (this.arena.length < this.maxBytes + size) this.growArena(size);
      else this.dropOldest();
    }
  }

  /** A larger arena (doubled, up to the bound and one line), the held lines copied to its start. */
  private growArena(size: number): void {
    const held = this.bytes - (this.endSeq - this.firstSeq) * LINE_OVERHEAD_BYTES;
    const doubled = Math.min(this.maxBytes + size, Math.max(FIRST_ARENA_BYTES, 2 * this.arena.length));
    const grown = Buffer.allocUnsafe(Math.max(doubled, held + size));
    let at = 0;
    for (let seq = this.firstSeq; seq < this.endSeq; seq++) {
      const slot = seq % this.start.length;
      const from = this.start[slot]!;
      this.start[slot] = at;
      at += this.arena.copy(grown, at, from, from + this.tsBytes[slot]! + this.textBytes[slot]!);
    }
    this.arena = grown;
    this.head = at;
  }

  private growSlots(): void {
    const length = Math.min(this.capacity, Math.max(1024, 2 * this.start.length));
    const grow = <T extends Uint32Array | Uint8Array>(old: T, next: T): T => {
      for (let seq = this.firstSeq; seq < this.endSeq; seq++) next[seq % length] = old[seq % old.length]!;
      return next;
    };
    this.tsBytes = grow(this.tsBytes, new Uint32Array(length));
    this.textBytes = grow(this.textBytes, new Uint32Array(length));
    this.tsChars = grow(this.tsChars, new Uint32Array(length));
    this.textChars = grow(this.textChars, new Uint32Array(length));
    this.stderr = grow(this.stderr, new Uint8Array(length));
    this.start = grow(this.start, new Uint32Array(length));
  }

  private dropOldest(): void {
    this.bytes -= this.sizeOf(this.firstSeq);
    this.firstSeq++;
  }
}
