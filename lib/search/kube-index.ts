// One Kubernetes endpoint as the palette searches it: holds on the shared watch cache for the
// kinds people look for, so their objects stay in memory while the palette is in use (the cache
// lets each go 30 s after the last holder). A kind the endpoint's own credentials may not list
// cluster-wide is held per namespace, for the namespaces a person may read.
import type { Endpoint } from "../db/client";
import { builtInKind } from "../kube/kinds/catalog";
import { resourceId, type KubeKind, type KubeObject } from "../kube/kinds/kind";
import { clusterWideRefused, noteClusterWideRefusal } from "../kube/watch/cluster-wide-refusals";
import { kubeWatchCache } from "../kube/watch/shared-watch-cache";
import type { WatchHandle } from "../kube/watch/watch-cache";

/** The kinds the palette finds, in the order their matches are listed on equal scores. */
export const SEARCHED_KINDS: KubeKind[] = [
  "namespaces",
  "nodes",
  "deployments.apps",
  "statefulsets.apps",
  "daemonsets.apps",
  "cronjobs.batch",
  "jobs.batch",
  "services",
  "pods",
].map((id) => builtInKind(id)!);

/** A failed hold is tried again by a search no sooner than this. */
const RETRY_AFTER_MS = 10_000;
/** A cluster-wide refusal sends limited people's searches to per-namespace holds this long. */
const REFUSAL_REMEMBERED_MS = 60_000;

interface Hold {
  handle: WatchHandle;
  state: "loading" | "ready" | "failed";
  error: string | null;
  /** The API server's status when it refused (403: not cluster-wide with these credentials). */
  status: number | undefined;
  failedAt: number;
  settled: Promise<void>;
}

export interface KindObjects {
  kind: KubeKind;
  objects: KubeObject[];
}

export interface KubeReadout {
  kinds: KindObjects[];
  /** Holds still listing (the answer waits a little for them, then goes without). */
  loading: Promise<void>[];
  problems: string[];
}

export class KubeIndex {
  lastUsed = Date.now();
  private holds = new Map<string, Hold>();

  constructor(private endpoint: Endpoint) {}

  /**
   * What `namespaces` ("all", or a list) may see of every searched kind, from memory. Cluster-scoped
   * kinds only for "all" (namespaces themselves are named by the caller for the others).
   */
  read(endpoint: Endpoint, namespaces: "all" | string[]): KubeReadout {
    this.lastUsed = Date.now();
    this.endpoint = endpoint;
    const out: KubeReadout = { kinds: [], loading: [], problems: [] };
    for (const kind of SEARCHED_KINDS) {
      if (!kind.namespaced && namespaces !== "all") continue;
      const perNamespace =
        namespaces !== "all" && (this.refusedClusterWide(kind) || clusterWideRefused(endpoint, kind));
      const scopes: (string | null)[] = perNamespace ? (namespaces as string[]) : [null];
      const objects: KubeObject[] = [];
      for (const scope of scopes) {
        const hold = this.hold(kind, scope);
        if (hold.state === "loading") out.loading.push(hold.settled);
        else if (hold.state === "failed") out.problems.push(`${kind.title}: ${hold.error}`);
        else objects.push(...filterTo(hold.handle.list(), namespaces, scope === null && kind.namespaced));
      }
      out.kinds.push({ kind, objects });
    }
    return out;
  }

  /** The endpoint's own credentials may not list this kind cluster-wide (its cluster-wide hold got a 403). */
  private refusedClusterWide(kind: KubeKind): boolean {
    const hold = this.holds.get(`${resourceId(kind)} *`);
    return hold?.state === "failed" && hold.status === 403 && Date.now() - hold.failedAt < REFUSAL_REMEMBERED_MS;
  }

  release(): void {
    for (const hold of this.holds.values()) hold.handle.release();
    this.holds.clear();
  }

  private hold(kind: KubeKind, namespace: string | null): Hold {
    const key = `${resourceId(kind)} ${namespace ?? "*"}`;
    const held = this.holds.get(key);
    if (held && !(held.state === "failed" && Date.now() - held.failedAt > RETRY_AFTER_MS)) return held;
    held?.handle.release();
    const handle = kubeWatchCache().acquire(this.endpoint, { ref: kind, namespace });
    const hold: Hold = {
      handle,
      state: "loading",
      error: null,
      status: undefined,
      failedAt: 0,
      settled: Promise.resolve(),
    };
    hold.settled = handle.ready.then(
      () => void (hold.state = "ready"),
      (error: unknown) => {
        // A cluster-wide refusal sends the next search of a limited person to per-namespace holds.
        if (namespace === null) noteClusterWideRefusal(this.endpoint, kind, error);
        hold.state = "failed";
        hold.error = (error as Error).message;
        // By its status, not its class: the cache may have been started by server.ts's copy of the
        // modules, whose error classes are not this bundle's.
        hold.status = (error as { status?: number }).status;
        hold.failedAt = Date.now();
      },
    );
    this.holds.set(key, hold);
    return hold;
  }
}

function filterTo(objects: KubeObject[], namespaces: "all" | string[], filter: boolean): KubeObject[] {
  if (namespaces === "all" || !filter) return objects;
  return objects.filter((o) => namespaces.includes(o.metadata.namespace ?? ""));
}
