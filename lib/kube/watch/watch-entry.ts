// One shared list+watch and the holders of it: changes reach every holder in batches (coalesced
// per object, so an object added and deleted within one batch is never heard of), problems reach
// them as they happen (and at once when they join during one), and the watch stops a while after
// the last holder let go.
import type { KubeObject } from "../kinds/kind";
import { ListWatch, type ListWatchOptions } from "./list-watch";
import type { ObjectChange, WatchHandle } from "./watch-cache";

interface Holder {
  onChanges?: (changes: ObjectChange[]) => void;
  problemListeners: ((error: string | null) => void)[];
}

/** How two changes of one object within a batch read as one. */
function merge(earlier: ObjectChange, later: ObjectChange): ObjectChange | null {
  if (earlier.type === "added" && later.type === "deleted") return null;
  if (earlier.type === "added") return { type: "added", object: later.object };
  return later;
}

export class WatchEntry {
  readonly ready: Promise<void>;
  readonly upstream: ListWatch;
  private holders = new Set<Holder>();
  private batch: { changes: Map<string, ObjectChange>; recipients: Holder[]; timer: NodeJS.Timeout } | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private problem: string | null = null;
  private stopped = false;

  constructor(
    options: Omit<ListWatchOptions, "onChanges" | "onProblem">,
    private readonly timing: { idleMs: number; batchMs: number; log: (message: string) => void },
    private readonly onStopped: () => void,
  ) {
    this.upstream = new ListWatch({
      ...options,
      onChanges: (changes) => this.collect(changes),
      onProblem: (error) => this.report(error),
    });
    this.ready = this.upstream.start();
    // A failed first list ends the entry, so the next acquire tries again; holders see the error.
    this.ready.catch(() => this.stop());
  }

  get holderCount(): number {
    return this.holders.size;
  }

  hold(onChanges?: (changes: ObjectChange[]) => void): WatchHandle {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const holder: Holder = { onChanges, problemListeners: [] };
    this.holders.add(holder);
    const store = this.upstream.store;
    return {
      ready: this.ready,
      list: (): KubeObject[] => store.list(),
      get: (name, namespace) => store.get(name, namespace),
      onProblem: (listener) => {
        holder.problemListeners.push(listener);
        if (this.problem) listener(this.problem);
      },
      release: () => this.release(holder),
    };
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.batch) clearTimeout(this.batch.timer);
    this.batch = null;
    this.holders.clear();
    this.upstream.stop();
    this.onStopped();
  }

  private release(holder: Holder): void {
    if (!this.holders.delete(holder) || this.holders.size > 0 || this.stopped) return;
    this.idleTimer = setTimeout(() => this.stop(), this.timing.idleMs);
    this.idleTimer.unref();
  }

  private collect(changes: ObjectChange[]): void {
    if (this.stopped) return;
    // Holders that join while a batch is pending already have its changes in their list().
    this.batch ??= {
      changes: new Map(),
      recipients: [...this.holders],
      timer: setTimeout(() => this.flush(), this.timing.batchMs),
    };
    const pending = this.batch.changes;
    for (const change of changes) {
      const uid = change.object.metadata.uid;
      const earlier = pending.get(uid);
      const merged = earlier ? merge(earlier, change) : change;
      if (merged) pending.set(uid, merged);
      else pending.delete(uid);
    }
  }

  private flush(): void {
    const batch = this.batch;
    this.batch = null;
    if (!batch || batch.changes.size === 0) return;
    const changes = [...batch.changes.values()];
    for (const holder of batch.recipients) {
      if (!this.holders.has(holder)) continue;
      try {
        holder.onChanges?.(changes);
      } catch (error) {
        // One holder's failure must not keep the batch from the others.
        this.timing.log(`a watch cache holder failed: ${(error as Error)?.stack ?? String(error)}`);
      }
    }
  }

  private report(error: string | null): void {
    if (this.stopped || error === this.problem) return;
    this.problem = error;
    for (const holder of this.holders) for (const listener of holder.problemListeners) listener(error);
  }
}
