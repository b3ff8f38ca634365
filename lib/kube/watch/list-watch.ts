// One list+watch against an API server: list (paged), then watch from the list's resourceVersion
// with bookmarks; a watch that ends or breaks resumes from the last resourceVersion seen (after a
// backoff when it failed), and 410 Gone — as an HTTP status or an ERROR event — relists and
// reports the difference. Everything it learns goes to `onChanges` at once; batching is the
// cache entry's job.
import { Watch, type KubeConfig } from "@kubernetes/client-node";
import { describeUpstreamError } from "../../endpoints/upstream-error";
import { resourcePath, type KubeObject, type KubeResourceRef } from "../kinds/kind";
import { KubeHttpError } from "../raw-request";
import { listAllPages } from "./list-pages";
import { ObjectStore } from "./object-store";
import type { ObjectChange } from "./watch-cache";

const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];
/**
 * The API server is asked to end each watch after 5–10 minutes (as client-go does), and a watch
 * still open 30 s past that is taken for a dead connection: client-node's Watch has no read
 * timeout, and a silently dropped connection would otherwise look like a quiet cluster forever.
 */
const WATCH_SECONDS = { min: 300, max: 600 };
const DEAD_AFTER_EXTRA_MS = 30_000;
/** A watch that ends sooner than this, without error, counts as a failure (no tight loops). */
const HEALTHY_WATCH_MS = 5_000;

type Outcome =
  | { kind: "closed"; healthy: boolean }
  | { kind: "expired" }
  | { kind: "failed"; error: unknown }
  | { kind: "interrupted" };

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
  private current: { interrupt(): void } | null = null;
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
      let outcome: Outcome;
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
          failures = 0;
        });
      } catch (error) {
        outcome = { kind: "failed", error };
      }
      if (this.signal.aborted) return;
      if (this.events > eventsBefore) freshList = false;
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

  /** One watch request, until it ends; `connected` runs once the API server accepted it. */
  private async watchOnce(connected: () => void): Promise<Outcome> {
    const kc = await this.options.kubeConfig();
    const seconds = WATCH_SECONDS.min + Math.floor(Math.random() * (WATCH_SECONDS.max - WATCH_SECONDS.min));
    let settle!: (outcome: Outcome) => void;
    // Set once the request is answered; the done callback may run before that (HTTP errors).
    const live: { controller?: AbortController } = {};
    let settled = false;
    const outcome = new Promise<Outcome>((resolve) => (settle = resolve));
    const finish = (result: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      live.controller?.abort();
      settle(result);
    };
    const deadline = setTimeout(
      () => finish({ kind: "failed", error: new Error("timed out: the watch went silent") }),
      seconds * 1000 + DEAD_AFTER_EXTRA_MS,
    );
    this.current = { interrupt: () => finish({ kind: "interrupted" }) };
    // Asked for while no watch was open (being set up, or waiting to retry): the next one yields.
    if (this.pending) finish({ kind: "interrupted" });
    if (settled) return outcome;
    const startedAt = Date.now();
    live.controller = await new Watch(kc).watch(
      resourcePath(this.options.ref, { namespace: this.options.namespace ?? undefined }),
      { resourceVersion: this.resourceVersion, allowWatchBookmarks: true, timeoutSeconds: seconds },
      (type: string, object: KubeObject & { code?: number; message?: string; reason?: string }) => {
        if (settled) return;
        if (type === "ERROR") {
          if (object.code === 410) return finish({ kind: "expired" });
          return finish({
            kind: "failed",
            error: new KubeHttpError(object.code ?? 500, object.message ?? "watch error"),
          });
        }
        this.events++;
        const version = object.metadata?.resourceVersion;
        if (type === "BOOKMARK") {
          if (version) this.resourceVersion = version;
          return;
        }
        if (type !== "ADDED" && type !== "MODIFIED" && type !== "DELETED") return;
        const changes = this.store.apply(type, object);
        if (version) this.resourceVersion = version;
        if (changes.length) this.options.onChanges(changes);
      },
      (error: (Error & { statusCode?: number }) | null) => {
        if (error?.statusCode === 410) return finish({ kind: "expired" });
        if (error) return finish({ kind: "failed", error });
        finish({ kind: "closed", healthy: Date.now() - startedAt >= HEALTHY_WATCH_MS });
      },
    );
    if (settled) live.controller.abort();
    else connected();
    return outcome;
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
