// One subscription of one viewer: the members of its target (fixed, or followed as pods and
// containers come and go), each served by the shared LogHub and tagged in the frames. Members are
// admitted by the viewer's current grants every time the set changes and on every access
// re-check (a member no longer admitted stops at once); a member that re-joins resumes after the
// last line this viewer got from it; a member that leaves upstream is let go after a short grace,
// so its last lines still arrive.
import type { LogFrame } from "./viewer-cursor";
import type { LogHub, Subscription } from "./log-hub";
import type { LogSource } from "./log-source";
import type { MemberSet } from "./member-set";
import type { MemberSetHub } from "./member-set-hub";

const LEAVE_GRACE_MS = 2_000;

export interface LogGroupOptions {
  hub: LogHub;
  memberSets: MemberSetHub;
  set: MemberSet;
  tail: number;
  /** Where new members start, when not the last `tail` lines. */
  since?: string;
  /** Last timestamps the viewer already has, per member key (a reconnect). */
  resume?: Record<string, string>;
  /** The members this viewer may read now (grants are re-read on every change). */
  admit(sources: LogSource[]): Promise<LogSource[]>;
  /** Members this group stopped following (left, refused, or the group closed). */
  released?(sources: LogSource[]): void;
  deliver(member: string, frame: LogFrame): Promise<void>;
  announce(change: { joined: { key: string; label: string }[]; left: string[] }): void;
  problem(error: string | null): void;
}

interface Active {
  source: LogSource;
  subscription: Subscription;
  leaving: NodeJS.Timeout | null;
}

export class LogGroup {
  private active = new Map<string, Active>();
  private lastTs = new Map<string, string>();
  private release: (() => void) | null = null;
  private changes: Promise<void> = Promise.resolve();
  private closed = false;
  /** The set's members as last published upstream (admitted or not). */
  private latest: LogSource[] | null = null;

  constructor(private readonly options: LogGroupOptions) {
    for (const [key, ts] of Object.entries(options.resume ?? {})) this.lastTs.set(key, ts);
  }

  start(): void {
    this.release = this.options.memberSets.acquire(this.options.set, {
      members: (sources) => {
        this.latest = sources;
        this.enqueue();
      },
      problem: (error) => this.options.problem(error),
    });
  }

  /** Keys and labels of the members currently followed (for search). */
  members(): { key: string; label: string }[] {
    return [...this.active.values()].map((a) => ({ key: a.source.key, label: a.source.label }));
  }

  /** Admits the current members again (grants changed, or another group let a member go). */
  recheck(): Promise<void> {
    return this.enqueue();
  }

  /** Stops everything; returns the keys of the members that were being followed. */
  close(): string[] {
    if (this.closed) return [];
    this.closed = true;
    this.release?.();
    const keys = [...this.active.keys()];
    for (const a of this.active.values()) {
      if (a.leaving) clearTimeout(a.leaving);
      a.subscription.unsubscribe();
    }
    this.options.released?.([...this.active.values()].map((a) => a.source));
    this.active.clear();
    return keys;
  }

  // Changes are applied one after another, in the order they came.
  private enqueue(): Promise<void> {
    this.changes = this.changes.then(() => (this.latest ? this.apply(this.latest) : undefined)).catch(() => {});
    return this.changes;
  }

  private async apply(sources: LogSource[]): Promise<void> {
    if (this.closed) return;
    const admitted = await this.options.admit(sources);
    if (this.closed) return;
    const offered = new Set(sources.map((s) => s.key));
    const wanted = new Map(admitted.map((s) => [s.key, s]));
    const joining: LogSource[] = [];
    for (const [key, source] of wanted) {
      const current = this.active.get(key);
      if (!current) joining.push(source);
      else if (current.leaving) {
        clearTimeout(current.leaving);
        current.leaving = null;
      }
    }
    // Announced before the first frame of any of them.
    if (joining.length)
      this.options.announce({ joined: joining.map((s) => ({ key: s.key, label: s.label })), left: [] });
    for (const source of joining)
      this.active.set(source.key, { source, subscription: this.follow(source), leaving: null });
    for (const [key, current] of this.active) {
      if (wanted.has(key)) continue;
      // Still there but no longer admitted (access revoked): no grace.
      if (offered.has(key)) this.drop(key, current);
      else if (!current.leaving) current.leaving = setTimeout(() => this.drop(key, current), LEAVE_GRACE_MS);
    }
  }

  private drop(key: string, current: Active): void {
    if (this.active.get(key) !== current) return;
    if (current.leaving) clearTimeout(current.leaving);
    current.subscription.unsubscribe();
    this.active.delete(key);
    this.options.announce({ joined: [], left: [key] });
    this.options.released?.([current.source]);
  }

  private follow(source: LogSource): Subscription {
    const since = this.lastTs.get(source.key) ?? this.options.since;
    return this.options.hub.subscribe({ source, tail: this.options.tail, since }, async (frame) => {
      if (frame.lines) this.lastTs.set(source.key, frame.lines.lastTs);
      await this.options.deliver(source.key, frame);
    });
  }
}
