// One upstream per identical log source per server instance, fanned out to every viewer. Recent
// lines are kept in a bounded ring buffer for late joiners and resumes; a stream that ends
// (container restarted, connection lost) is re-opened from its last timestamp, without repeating
// lines; the upstream closes when its last viewer leaves.
import { ViewerCursor, type LogFrame } from "./viewer-cursor";
import { compareTs, type LogLine } from "./log-line";
import { LogRing } from "./log-ring";
import type { LogSource } from "./log-source";
import type { HeldLines } from "./search-buffers";

// Also every viewer's backlog: a viewer further behind than this skips ahead.
export const BUFFER_LINES = 20_000;
export const BUFFER_BYTES = 8 * 1024 * 1024;
export const MAX_LINE_CHARS = 64 * 1024;
const RETRY_MS = [500, 1000, 2000, 5000];

interface Upstream {
  source: LogSource;
  buffer: LogRing;
  viewers: Set<ViewerCursor>;
  stop: (() => void) | null;
  lastTs: string | undefined;
  openedAt: string;
  /**
   * After a (re)open from a timestamp: drop lines up to it. Lines at exactly that timestamp are
   * dropped if their text was already delivered (or all of them, for a viewer's own resume point).
   * Cleared by the first newer line, so the steady state costs no comparisons.
   */
  dedupe: { after: string; texts: Set<string> | "all" } | null;
  retries: number;
  timer: NodeJS.Timeout | null;
  closed: boolean;
  /** A `once` source that has delivered everything. */
  ended: boolean;
}

export interface Subscription {
  unsubscribe(): void;
}

function truncate(line: LogLine): LogLine {
  return line.text.length > MAX_LINE_CHARS
    ? { ...line, text: `${line.text.slice(0, MAX_LINE_CHARS)}… [line truncated: ${line.text.length} characters]` }
    : line;
}

export class LogHub {
  private upstreams = new Map<string, Upstream>();

  constructor(private readonly log: (message: string) => void = () => {}) {}

  get openUpstreams(): number {
    return this.upstreams.size;
  }

  /** One [endpoint id, 1] per open upstream (for the metrics). */
  *upstreamEndpoints(): Iterable<readonly [string, number]> {
    for (const upstream of this.upstreams.values()) yield [upstream.source.endpointId, 1];
  }

  subscribe(
    options: { source: LogSource; tail: number; since?: string },
    deliver: (frame: LogFrame) => Promise<void>,
  ): Subscription {
    let upstream = this.upstreams.get(options.source.key);
    let start: number;
    if (upstream) {
      // A late joiner: what the buffer holds after its resume point, or its tail.
      const ring = upstream.buffer;
      start = options.since ? ring.firstAfter(options.since, compareTs) : Math.max(ring.first, ring.end - options.tail);
    } else {
      upstream = {
        source: options.source,
        buffer: new LogRing(BUFFER_LINES, BUFFER_BYTES),
        viewers: new Set(),
        stop: null,
        lastTs: undefined,
        // Without lines yet, a re-open resumes from when the stream was first opened.
        openedAt: new Date().toISOString(),
        // A viewer resuming has every line up to and including its resume point.
        dedupe: options.since ? { after: options.since, texts: "all" } : null,
        retries: 0,
        timer: null,
        closed: false,
        ended: false,
      };
      this.upstreams.set(options.source.key, upstream);
      start = 0;
      void this.open(upstream, { tail: options.tail, since: options.since });
    }
    const queue = new ViewerCursor(upstream.buffer, start, deliver);
    if (upstream.ended) queue.setStatus("ended");
    upstream.viewers.add(queue);
    const owner = upstream;
    return {
      unsubscribe: () => {
        queue.close();
        owner.viewers.delete(queue);
        if (owner.viewers.size === 0) this.close(owner);
      },
    };
  }

  private close(upstream: Upstream): void {
    upstream.closed = true;
    if (upstream.timer) clearTimeout(upstream.timer);
    upstream.stop?.();
    if (this.upstreams.get(upstream.source.key) === upstream) this.upstreams.delete(upstream.source.key);
  }

  /** Puts new lines in the ring (dropping repeats after a re-open); returns how many. */
  private accept(upstream: Upstream, lines: LogLine[]): number {
    let fresh = 0;
    for (const raw of lines) {
      const dedupe = upstream.dedupe;
      if (dedupe) {
        const order = compareTs(raw.ts, dedupe.after);
        if (order < 0 || (order === 0 && (dedupe.texts === "all" || dedupe.texts.has(raw.text)))) continue;
        if (order > 0) upstream.dedupe = null;
      }
      upstream.lastTs = raw.ts;
      upstream.buffer.push(truncate(raw));
      fresh++;
    }
    return fresh;
  }

  /** Where a re-open starts, and what it must not repeat. */
  private resumePoint(upstream: Upstream): string {
    const after = upstream.lastTs;
    if (!after) return upstream.dedupe?.after ?? upstream.openedAt;
    const texts = new Set<string>();
    const ring = upstream.buffer;
    for (let seq = ring.end - 1; seq >= ring.first && ring.at(seq)!.ts === after; seq--) texts.add(ring.at(seq)!.text);
    upstream.dedupe = { after, texts };
    return after;
  }

  private async open(upstream: Upstream, options: { tail: number; since?: string }): Promise<void> {
    if (upstream.closed) return;
    try {
      const stop = await upstream.source.open(
        options,
        (lines) => {
          if (this.accept(upstream, lines)) for (const viewer of upstream.viewers) viewer.notify();
        },
        (error) => {
          if (upstream.source.once) return this.finish(upstream, error?.message);
          this.reopenLater(upstream, error?.message ?? "the log stream ended");
        },
      );
      if (upstream.closed) return stop();
      upstream.stop = stop;
      if (upstream.retries > 0) for (const viewer of upstream.viewers) viewer.setStatus("live");
      upstream.retries = 0;
    } catch (error) {
      if (upstream.source.once) return this.finish(upstream, (error as Error).message);
      this.reopenLater(upstream, (error as Error).message);
    }
  }

  /** A finished log (not followed): viewers are told, the lines stay in the buffer for late joiners. */
  private finish(upstream: Upstream, error?: string): void {
    upstream.stop = null;
    upstream.ended = true;
    for (const viewer of upstream.viewers) viewer.setStatus("ended", error);
  }

  /** The recent lines held for a source (for search), decoded as they are read; empty when no one follows it. */
  recentLines(key: string): HeldLines {
    const ring = this.upstreams.get(key)?.buffer;
    if (!ring) return [];
    const first = ring.first;
    return { length: ring.end - first, at: (index) => ring.at(first + index) };
  }

  private reopenLater(upstream: Upstream, reason: string): void {
    if (upstream.closed || upstream.timer) return;
    upstream.stop = null;
    if (upstream.retries === 0) for (const viewer of upstream.viewers) viewer.setStatus("reconnecting", reason);
    const delay = RETRY_MS[Math.min(upstream.retries, RETRY_MS.length - 1)]!;
    upstream.retries++;
    this.log(`logs ${upstream.source.key}: ${reason}; re-opening in ${delay} ms`);
    upstream.timer = setTimeout(() => {
      upstream.timer = null;
      void this.open(upstream, { tail: 0, since: this.resumePoint(upstream) });
    }, delay);
  }
}
