// One watch request (client-node's Watch) from a resourceVersion, until it ends, told as one
// outcome: the API server closed it, 410 Gone (as an HTTP status or an ERROR event), a failure, or
// interrupted by us. Events and bookmarks go to `onEvent` as they come.
import { Watch, type KubeConfig } from "@kubernetes/client-node";
import type { KubeObject } from "../kinds/kind";
import { KubeHttpError } from "../raw-request";

/**
 * The API server is asked to end each watch after 5–10 minutes (as client-go does), and a watch
 * still open 30 s past that is taken for a dead connection: client-node's Watch has no read
 * timeout, and a silently dropped connection would otherwise look like a quiet cluster forever.
 */
const WATCH_SECONDS = { min: 300, max: 600 };
const DEAD_AFTER_EXTRA_MS = 30_000;
/** A watch that ends sooner than this, without error, counts as a failure (no tight loops). */
const HEALTHY_WATCH_MS = 5_000;

export type WatchOutcome =
  | { kind: "closed"; healthy: boolean }
  | { kind: "expired" }
  | { kind: "failed"; error: unknown }
  | { kind: "interrupted" };

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK";

export interface WatchRequest {
  outcome: Promise<WatchOutcome>;
  interrupt(): void;
}

export function openWatch(options: {
  kc: KubeConfig;
  path: string;
  resourceVersion: string;
  onEvent(type: WatchEventType, object: KubeObject): void;
  /** The API server accepted the watch. */
  onConnected(): void;
}): WatchRequest {
  const seconds = WATCH_SECONDS.min + Math.floor(Math.random() * (WATCH_SECONDS.max - WATCH_SECONDS.min));
  let settle!: (outcome: WatchOutcome) => void;
  const outcome = new Promise<WatchOutcome>((resolve) => (settle = resolve));
  // Set once the request is answered; the done callback may run before that (HTTP errors).
  let controller: AbortController | undefined;
  let settled = false;
  const finish = (result: WatchOutcome) => {
    if (settled) return;
    settled = true;
    clearTimeout(deadline);
    controller?.abort();
    settle(result);
  };
  const deadline = setTimeout(
    () => finish({ kind: "failed", error: new Error("timed out: the watch went silent") }),
    seconds * 1000 + DEAD_AFTER_EXTRA_MS,
  );
  const startedAt = Date.now();
  new Watch(options.kc)
    .watch(
      options.path,
      { resourceVersion: options.resourceVersion, allowWatchBookmarks: true, timeoutSeconds: seconds },
      (type: string, object: KubeObject & { code?: number; message?: string }) => {
        if (settled) return;
        if (type === "ERROR") {
          if (object.code === 410) return finish({ kind: "expired" });
          const error = new KubeHttpError(object.code ?? 500, object.message ?? "watch error");
          return finish({ kind: "failed", error });
        }
        if (type === "ADDED" || type === "MODIFIED" || type === "DELETED" || type === "BOOKMARK")
          options.onEvent(type, object);
      },
      (error: (Error & { statusCode?: number }) | null) => {
        if (error?.statusCode === 410) return finish({ kind: "expired" });
        if (error) return finish({ kind: "failed", error });
        finish({ kind: "closed", healthy: Date.now() - startedAt >= HEALTHY_WATCH_MS });
      },
    )
    .then(
      (answered) => {
        controller = answered;
        if (settled) answered.abort();
        else options.onConnected();
      },
      (error: unknown) => finish({ kind: "failed", error }),
    );
  return { outcome, interrupt: () => finish({ kind: "interrupted" }) };
}
