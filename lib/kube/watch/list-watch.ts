// One list+watch against an API server: list (paged), then watch from the list's resourceVersion
// with bookmarks; a watch that ends or breaks resumes from the last resourceVersion seen (after a
// backoff when it failed), and 410 Gone — as an HTTP status or an ERROR event — relists and
// reports the difference. Everything it learns goes to `onChanges` at once; batching is the
// cache entry's job.
import type { KubeConfig } from "@kubernetes/client-node";
import { describeUpstreamError } from "../../endpoints/upstream-error";
import { resourcePath, type KubeResourceRef } from "../kinds/kind";
import { listAllPages } from "./list-pages";
import { ObjectStore } from "./object-store";
import type { ObjectChange } from "./watch-cache";
import { openWatch, type WatchOutcome, type WatchRequest } from "./watch-request";

const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];

export interface ListWatchOptions {
  ref: KubeResourceRef;
  namespace: string | null;
  /** Asked on every (re)connect, so a repaired credential is used and a deleted endpoint stops. */
  kubeConfig(): Promise<KubeConfig>;
  /** Names the endpoint in messages. */
  address: string;
  /** Objects per list page (tests page small lists). */
  pageSize?: number;
  onChanges(changes: ObjectChange[]): void;
  onProblem(error: string | null): void;
}

export class ListWatch {
  readonly store = new ObjectStore();
  /** Relists after the first (410 Gone), for diagnostics and tests. */
  relists = 0;
  /** Watch events and bookmarks received (a watch that receives something is making progress). */
  private events = 0;
  private resourceVersion = "";
  private stopped = new AbortController();
  private current: WatchRequest | null = null;
  private pending: (() => Promise<void>) | null = null;
  private sleeping: { timer: NodeJS.Timeout; wake(): void } | null = null;

  constructor(private readonly options: ListWatchOptions) {}

  /** Lists once (rejects with the API server's error in plain words), then watches until stopped. */
  async start(): Promise<void> {
    try {
      const list = await listAllPages({ ...this.scope(), kc: await this.options.kubeConfig(), signal: this.signal });
      this.store.replace(list.items);
      this.resourceVersion = list.resourceVersion;
    } catch (error) {
      throw describeUpstreamError(error, this.options.address);
    }
    void this.loop();
  }

  stop(): void {
    this.stopped.abort();
    this.current?.interrupt();
    this.sleeping?.wake();
  }

  /**
   * Test hook: drop the watch, run `whileDown`, then resume from `resourceVersion` (null: from
   * where it was, as after a broken connection).
   */
  __resumeFrom(resourceVersion: string | null, whileDown: () => Promise<void> = async () => {}): void {
    this.pending = async () => {
      await whileDown();
      if (resourceVersion !== null) this.resourceVersion = resourceVersion;
    };
    this.current?.interrupt();
    this.sleeping?.wake();
  }

  private get signal(): AbortSignal {
    return this.stopped.signal;
  }

  private scope() {
    return { ref: this.options.ref, namespace: this.options.namespace, pageSize: this.options.pageSize };
  }

  private async loop(): Promise<void> {
    let failures = 0;
    let needsList = false;
    let troubled = false;
    /** A relist whose watch has not yet received anything: a second 410 then waits a backoff. */
    let freshList = false;
    while (!this.signal.aborted) {
      let outcome: WatchOutcome;
      const eventsBefore = this.events;
      try {
        if (needsList) {
          await this.relist();
          needsList = false;
          freshList = true;
        }
        outcome = await this.watchOnce(() => {
          if (troubled) this.options.onProblem(null);
          troubled = false;
        });
      } catch (error) {
        outcome = { kind: "failed", error };
      }
      if (this.signal.aborted) return;
      const progressed = this.events > eventsBefore || (outcome.kind === "closed" && outcome.healthy);
      if (progressed) {
        freshList = false;
        failures = 0;
      }
      if (outcome.kind === "interrupted") {
        const pending = this.pending;
        this.pending = null;
        await pending?.().catch(() => {});
        continue;
      }
      if (outcome.kind === "expired") needsList = true;
      if ((outcome.kind === "expired" && !freshList) || (outcome.kind === "closed" && outcome.healthy)) continue;
      const error =
        outcome.kind === "failed"
          ? outcome.error
          : new Error(outcome.kind === "expired" ? "410 Gone right after a relist" : "the API server ended the watch");
      troubled = true;
      this.options.onProblem(
        `lost the watch of ${this.options.ref.resource}: ${describeUpstreamError(error, this.options.address).message}; re-connecting`,
      );
      await this.sleep(RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]!);
    }
  }

  private async relist(): Promise<void> {
    const list = await listAllPages({ ...this.scope(), kc: await this.options.kubeConfig(), signal: this.signal });
    if (this.signal.aborted) return;
    this.relists++;
    this.resourceVersion = list.resourceVersion;
    const changes = this.store.replace(list.items);
    if (changes.length) this.options.onChanges(changes);
  }

  /** One watch request from the last resourceVersion, until it ends. */
  private async watchOnce(connected: () => void): Promise<WatchOutcome> {
    const kc = await this.options.kubeConfig();
    // Stopped, or a resume asked for, while no watch was open: open none.
    if (this.signal.aborted || this.pending) return { kind: "interrupted" };
    const request = openWatch({
      kc,
      path: resourcePath(this.options.ref, { namespace: this.options.namespace ?? undefined }),
      resourceVersion: this.resourceVersion,
      onConnected: connected,
      onEvent: (type, object) => {
        this.events++;
        const version = object.metadata?.resourceVersion;
        if (type !== "BOOKMARK") {
          const changes = this.store.apply(type, object);
          if (changes.length) this.options.onChanges(changes);
        }
        if (version) this.resourceVersion = version;
      },
    });
    this.current = request;
    return request.outcome;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleeping = null;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleeping = { timer, wake };
    });
  }
}
