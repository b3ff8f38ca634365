// The watch cache of this instance: one WatchEntry per (endpoint, resource, namespace scope),
// kept on globalThis because Next bundles route code separately from server.ts and both must
// share the same watches.
import { db, type Endpoint } from "../../db/client";
import { kubeConfigFor } from "../../endpoints/kube-client";
import { lineLogger } from "../../log/logger";
import { countUpstreamStreams } from "../../metrics/upstream-streams";
import { countWatchCacheObjects } from "../../metrics/watch-cache-objects";
import { AS_ENDPOINT } from "../impersonation";
import type { KubeResourceRef } from "../kinds/kind";
import type { KubeWatchCache, ObjectChange, WatchHandle, WatchScope } from "./watch-cache";
import { WatchEntry } from "./watch-entry";

/** How long a watch nobody holds stays open: a page reload or a quick back-and-forth reuses it. */
export const WATCH_IDLE_STOP_MS = 30_000;
/** Changes reach holders at most this often (a rollout's burst becomes one update). */
export const WATCH_BATCH_MS = 75;

export interface WatchCacheOptions {
  idleMs?: number;
  batchMs?: number;
  /** Objects per list page (default LIST_PAGE_SIZE). */
  pageSize?: number;
  /** Read on every reconnect, so a changed credential is used and a deleted endpoint stops. */
  loadEndpoint?: (endpointId: string) => Promise<Endpoint | null>;
  log?: (message: string) => void;
}

const scopeKey = (endpointId: string, ref: KubeResourceRef, namespace: string | null) =>
  `${endpointId} ${ref.group}/${ref.version}/${ref.resource} ${ref.namespaced ? (namespace ?? "*") : "-"}`;

export class SharedKubeWatchCache implements KubeWatchCache {
  private entries = new Map<string, WatchEntry>();
  private scopes = new WeakMap<WatchEntry, { endpoint: string; resource: string }>();

  constructor(private readonly options: WatchCacheOptions = {}) {}

  get size(): number {
    return this.entries.size;
  }

  acquire(
    endpoint: Endpoint,
    scope: Omit<WatchScope, "endpointId">,
    onChanges?: (changes: ObjectChange[]) => void,
  ): WatchHandle {
    const namespace = scope.ref.namespaced ? scope.namespace : null;
    const key = scopeKey(endpoint.id, scope.ref, namespace);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = this.open(key, endpoint, scope.ref, namespace);
      this.entries.set(key, entry);
    }
    return entry.hold(onChanges);
  }

  /** Each watch's endpoint id, resource (`deployments.apps`) and objects held, for the metrics. */
  held(): { endpoint: string; resource: string; objects: number }[] {
    return [...this.entries.values()].flatMap((entry) => {
      const scope = this.scopes.get(entry);
      return scope ? [{ ...scope, objects: entry.upstream.store.size }] : [];
    });
  }

  /** Stops every watch (shutdown). */
  stopAll(): void {
    for (const entry of [...this.entries.values()]) entry.stop();
  }

  /** Test hook: see ListWatch.__resumeFrom. Returns that upstream (its relist count, for one). */
  __resumeFrom(
    endpointId: string,
    scope: Omit<WatchScope, "endpointId">,
    rv: string | null,
    whileDown?: () => Promise<void>,
  ) {
    const entry = this.entries.get(scopeKey(endpointId, scope.ref, scope.namespace));
    if (!entry) throw new Error("no such watch");
    entry.upstream.__resumeFrom(rv, whileDown);
    return entry.upstream;
  }

  private open(key: string, endpoint: Endpoint, ref: KubeResourceRef, namespace: string | null): WatchEntry {
    const loadEndpoint = this.options.loadEndpoint ?? ((id: string) => db().endpoint.findUnique({ where: { id } }));
    let first: Endpoint | null = endpoint;
    const entry: WatchEntry = new WatchEntry(
      {
        ref,
        namespace,
        address: endpoint.name,
        pageSize: this.options.pageSize,
        kubeConfig: async () => {
          const current = first ?? (await loadEndpoint(endpoint.id));
          first = null;
          if (!current) throw new Error("the endpoint was deleted");
          return kubeConfigFor(current, AS_ENDPOINT);
        },
      },
      {
        idleMs: this.options.idleMs ?? WATCH_IDLE_STOP_MS,
        batchMs: this.options.batchMs ?? WATCH_BATCH_MS,
        log: this.options.log ?? lineLogger("kube-watch", "warn"),
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.scopes.set(entry, {
      endpoint: endpoint.id,
      resource: ref.group ? `${ref.resource}.${ref.group}` : ref.resource,
    });
    return entry;
  }
}

const holderKey = Symbol.for("fleetdeck.kubeWatchCache");

/** This instance's watch cache. */
export function kubeWatchCache(): SharedKubeWatchCache {
  const holder = globalThis as { [holderKey]?: SharedKubeWatchCache };
  if (!holder[holderKey]) {
    const cache = new SharedKubeWatchCache();
    countUpstreamStreams("kube-watch", () => cache.held().map((w) => [w.endpoint, 1] as const));
    countWatchCacheObjects(() => cache.held());
    holder[holderKey] = cache;
  }
  return holder[holderKey];
}
