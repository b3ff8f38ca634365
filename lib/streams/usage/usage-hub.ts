// One upstream per usage source per server instance, shared by every viewer: its samples go into a
// fixed-size ring (the last 15 minutes at the source's rate) that late joiners receive first. The
// upstream stops with the last viewer; its history is dropped KEEP_MS later unless a viewer
// returns (a page change from the containers table to a container), which re-opens the upstream
// and continues the ring after a gap.
import { UsageRing } from "./usage-ring";
import type { UsageSink, UsageSource } from "./usage-source";
import { USAGE_HISTORY_MS, type UsageInfo, type UsagePoint, type UsageSeries } from "./usage-types";

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
export const USAGE_KEEP_MS = 30_000;

export interface UsageViewer {
  points(points: UsagePoint[], info: UsageInfo | null): void;
  status(error: string | null): void;
}

interface Entry {
  source: UsageSource;
  ring: UsageRing;
  info: UsageInfo | null;
  error: string | null;
  viewers: Set<UsageViewer>;
  stop: (() => void) | null;
  /** Bumped on every open and stop: late answers of an older open are ignored. */
  generation: number;
  retries: number;
  retryTimer: NodeJS.Timeout | null;
  dropTimer: NodeJS.Timeout | null;
}

export interface UsageWatch {
  series: UsageSeries;
  /** The upstream's trouble now, if any. */
  error: string | null;
  unwatch(): void;
}

export class UsageHub {
  private entries = new Map<string, Entry>();
  private readonly keepMs: number;
  private readonly log: (message: string) => void;

  constructor(options: { keepMs?: number; log?: (message: string) => void } = {}) {
    this.keepMs = options.keepMs ?? USAGE_KEEP_MS;
    this.log = options.log ?? (() => {});
  }

  /** Upstreams open now (for tests and figures). */
  get openUpstreams(): number {
    return [...this.entries.values()].filter((e) => e.viewers.size > 0).length;
  }

  /** One [endpoint id, 1] per open upstream (keys are `<kind>:<endpoint id>:…`), for the metrics. */
  *upstreamEndpoints(): Iterable<readonly [string, number]> {
    for (const entry of this.entries.values())
      if (entry.viewers.size > 0) yield [entry.source.key.split(":")[1] ?? "", 1];
  }

  /** Series whose history is held (open, or kept a while after the last viewer). */
  get heldSeries(): number {
    return this.entries.size;
  }

  watch(source: UsageSource, viewer: UsageViewer): UsageWatch {
    let entry = this.entries.get(source.key);
    if (!entry) {
      entry = {
        source,
        ring: new UsageRing(Math.ceil(USAGE_HISTORY_MS / source.intervalMs) + 1, source.columns.length),
        info: null,
        error: null,
        viewers: new Set(),
        stop: null,
        generation: 0,
        retries: 0,
        retryTimer: null,
        dropTimer: null,
      };
      this.entries.set(source.key, entry);
    }
    if (entry.dropTimer) clearTimeout(entry.dropTimer);
    entry.dropTimer = null;
    entry.viewers.add(viewer);
    if (entry.viewers.size === 1) {
      // Returning to a kept history: an empty sample marks the time nobody watched as a gap.
      if (entry.ring.size) entry.ring.push({ t: Date.now(), v: source.columns.map(() => null) });
      void this.open(entry);
    }
    const owner = entry;
    let watching = true;
    return {
      series: {
        columns: source.columns,
        intervalMs: source.intervalMs,
        historyMs: USAGE_HISTORY_MS,
        points: entry.ring.points(),
        info: entry.info,
      },
      error: entry.error,
      unwatch: () => {
        if (!watching) return;
        watching = false;
        owner.viewers.delete(viewer);
        if (owner.viewers.size === 0) this.idle(owner);
      },
    };
  }

  private idle(entry: Entry): void {
    entry.generation++;
    if (entry.retryTimer) clearTimeout(entry.retryTimer);
    entry.retryTimer = null;
    entry.stop?.();
    entry.stop = null;
    entry.dropTimer = setTimeout(() => {
      if (this.entries.get(entry.source.key) === entry && entry.viewers.size === 0)
        this.entries.delete(entry.source.key);
    }, this.keepMs);
    entry.dropTimer.unref();
  }

  private setError(entry: Entry, error: string | null): void {
    if (entry.error === error) return;
    entry.error = error;
    for (const viewer of entry.viewers) viewer.status(error);
  }

  private sink(entry: Entry, generation: number): UsageSink {
    const current = () => entry.generation === generation;
    return {
      point: (point, info) => {
        if (!current()) return;
        if (info) entry.info = info;
        if (point) {
          entry.ring.push(point);
          entry.retries = 0;
        }
        if (entry.error) this.setError(entry, null);
        const points = point ? [point] : [];
        for (const viewer of entry.viewers) viewer.points(points, info ?? null);
      },
      status: (error) => current() && this.setError(entry, error),
      ended: (error) => {
        if (!current()) return;
        entry.generation++;
        entry.stop?.();
        entry.stop = null;
        this.retryLater(entry, error);
      },
    };
  }

  private async open(entry: Entry): Promise<void> {
    const generation = ++entry.generation;
    try {
      const stop = await entry.source.open(this.sink(entry, generation));
      if (entry.generation !== generation) return stop();
      entry.stop = stop;
    } catch (error) {
      if (entry.generation !== generation) return;
      this.retryLater(entry, (error as Error).message);
    }
  }

  private retryLater(entry: Entry, error: string): void {
    this.log(`usage of ${entry.source.key}: ${error}`);
    this.setError(entry, error);
    const generation = entry.generation;
    const wait = RETRY_MS[Math.min(entry.retries++, RETRY_MS.length - 1)]!;
    entry.retryTimer = setTimeout(() => {
      entry.retryTimer = null;
      if (entry.generation === generation && entry.viewers.size) void this.open(entry);
    }, wait);
    entry.retryTimer.unref();
  }
}
