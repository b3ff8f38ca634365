// A fixed number of samples of one series, oldest overwritten first: the memory of a series never
// grows with time. Values are held in one Float64Array (NaN = unknown), not as objects.
import type { UsagePoint } from "./usage-types";

export class UsageRing {
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private next = 0;
  private count = 0;

  constructor(
    readonly capacity: number,
    readonly width: number,
  ) {
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity * width);
  }

  get size(): number {
    return this.count;
  }

  push(point: UsagePoint): void {
    this.times[this.next] = point.t;
    for (let i = 0; i < this.width; i++) this.values[this.next * this.width + i] = point.v[i] ?? NaN;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /** The samples held, oldest first. */
  points(): UsagePoint[] {
    const out: UsagePoint[] = [];
    for (let k = 0; k < this.count; k++) {
      const slot = (this.next - this.count + k + this.capacity) % this.capacity;
      const v: (number | null)[] = [];
      for (let i = 0; i < this.width; i++) {
        const value = this.values[slot * this.width + i]!;
        v.push(Number.isNaN(value) ? null : value);
      }
      out.push({ t: this.times[slot]!, v });
    }
    return out;
  }

  /** The time of the newest sample, if any. */
  lastTime(): number | null {
    return this.count ? this.times[(this.next - 1 + this.capacity) % this.capacity]! : null;
  }
}
