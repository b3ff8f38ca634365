// One socket's Kubernetes watches (kube:watch): checked, bounded per socket, served from the
// shared watch cache as list rows, each batch filtered to the namespaces this viewer may read,
// re-checked against current access, and released with the socket.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { db, type Endpoint } from "../db/client";
import { builtInKind } from "../kube/kinds/catalog";
import { findKind } from "../kube/resolve-kind";
import type { KubeKind, KubeObject } from "../kube/kinds/kind";
import { toRow, type KubeRow } from "../kube/kinds/row";
import { clusterWideRefused, noteClusterWideRefusal } from "../kube/watch/cluster-wide-refusals";
import type { KubeWatchCache, ObjectChange, WatchHandle } from "../kube/watch/watch-cache";
import type { CurrentAccess } from "./access-recheck";
import type { CLIENT_EVENT_SCHEMAS } from "./event-schemas";
import { kubeWatchNamespaces, sameNamespaces } from "./kube-watch-scope";
import {
  MAX_KUBE_WATCHES_PER_SOCKET,
  MAX_ROWS_PER_BATCH,
  MAX_UNACKED_ROW_BATCHES,
  ROWS_ACK_TIMEOUT_MS,
} from "./limits";
import type { RealtimeSocket } from "./socket-data";
import { SocketRequestError } from "./socket-handler";
import { reloadSubject } from "./reload-subject";

type WatchRequest = z.output<(typeof CLIENT_EVENT_SCHEMAS)["kube:watch"]>;

interface Entry {
  endpointId: string;
  kind: KubeKind;
  requested?: string[];
  /** Only the object with this name. */
  name?: string;
  /** Only events about the object with this uid. */
  about?: string;
  /** What this viewer may see: null = every namespace. */
  namespaces: string[] | null;
  handles: WatchHandle[];
  /** Until the first rows are answered, batches are already part of them. */
  answered: boolean;
  /** Changes not sent yet, merged per object uid (null: deleted). */
  pending: Map<string, KubeRow | null>;
  /** Batches sent and not yet acknowledged. */
  unacked: number;
}

// Objects in the cache are replaced, never changed: one row per object serves every viewer.
const rows = new WeakMap<KubeObject, KubeRow>();
function rowOf(kind: KubeKind, object: KubeObject): KubeRow {
  let row = rows.get(object);
  if (!row) rows.set(object, (row = toRow(kind, object)));
  return row;
}

/** The uid of the object an event is about (core/v1 `involvedObject`, events.k8s.io `regarding`). */
const aboutUid = (event: KubeObject) =>
  ((event.involvedObject ?? event.regarding) as { uid?: string } | undefined)?.uid;

export class KubeWatcher {
  private entries = new Map<string, Entry>();
  private settingUp = 0;
  private gone = new AbortController();

  constructor(
    private readonly socket: RealtimeSocket,
    private readonly cache: KubeWatchCache,
  ) {}

  async watch(request: WatchRequest): Promise<{ watchId: string; rows: KubeRow[] }> {
    if (this.entries.size + this.settingUp >= MAX_KUBE_WATCHES_PER_SOCKET)
      throw new SocketRequestError(
        `at most ${MAX_KUBE_WATCHES_PER_SOCKET} Kubernetes watches per tab; close some lists first`,
      );
    this.settingUp++;
    try {
      const subject = await reloadSubject(this.socket);
      const endpoint = await db().endpoint.findUnique({ where: { id: request.endpointId } });
      if (!subject || !endpoint) throw new SocketRequestError("endpoint not found");
      // Built-in kinds, or custom resources this cluster serves (discovery). Access is checked
      // before the answer says anything about the endpoint or the resource.
      const found = endpoint.kind === "KUBERNETES" ? await findKind(endpoint, request.resource) : undefined;
      const checkAs = found ?? builtInKind("pods")!;
      const namespaces = kubeWatchNamespaces({
        subject,
        endpointId: endpoint.id,
        kind: checkAs,
        requested: request.namespaces,
      });
      if (endpoint.kind !== "KUBERNETES") throw new SocketRequestError("this endpoint is not a Kubernetes cluster");
      if (!found)
        throw new SocketRequestError(
          `unknown resource "${request.resource}": name one such as pods or deployments.apps`,
        );
      const kind = found;
      if (request.about && kind.kind !== "Event")
        throw new SocketRequestError("only events can be watched about an object");
      const watchId = randomUUID();
      const entry: Entry = {
        endpointId: endpoint.id,
        kind,
        requested: request.namespaces,
        name: request.name,
        about: request.about,
        namespaces,
        handles: [],
        answered: false,
        pending: new Map(),
        unacked: 0,
      };
      entry.handles = await this.openUpstream(endpoint, entry, (changes) => this.deliver(watchId, changes));
      if (this.gone.signal.aborted) {
        entry.handles.forEach((h) => h.release());
        throw new SocketRequestError("the connection closed");
      }
      this.entries.set(watchId, entry);
      for (const handle of entry.handles)
        handle.onProblem((error) => this.socket.emit("kube:watch-status", { watchId, error, closed: false }));
      entry.answered = true;
      const visible = entry.handles.flatMap((h) => h.list()).filter((o) => this.mayShow(entry, o));
      return { watchId, rows: visible.map((o) => rowOf(kind, o)) };
    } finally {
      this.settingUp--;
    }
  }

  unwatch(watchId: string): void {
    const entry = this.entries.get(watchId);
    if (!entry) return;
    this.entries.delete(watchId);
    for (const handle of entry.handles) handle.release();
  }

  /** Ends the watches `access` no longer allows (or allows differently: the viewer watches again). */
  recheck(access: CurrentAccess): void {
    for (const [watchId, entry] of [...this.entries]) {
      if (!access.endpointExists(entry.endpointId)) {
        this.end(watchId, "the endpoint was deleted");
        continue;
      }
      let namespaces: string[] | null;
      try {
        namespaces = kubeWatchNamespaces({ ...entry, subject: access.subject });
      } catch {
        this.end(watchId, "access revoked: you may no longer read these");
        continue;
      }
      if (!sameNamespaces(namespaces, entry.namespaces)) this.end(watchId, "your access changed: open the list again");
    }
  }

  close(): void {
    this.gone.abort();
    for (const watchId of [...this.entries.keys()]) this.unwatch(watchId);
  }

  /**
   * One all-namespaces watch shared by every viewer; when the endpoint's own credentials may not
   * list cluster-wide (403), one watch per namespace this viewer may read.
   */
  private async openUpstream(
    endpoint: Endpoint,
    entry: Entry,
    onChanges: (changes: ObjectChange[]) => void,
  ): Promise<WatchHandle[]> {
    const perNamespace = entry.namespaces !== null && entry.kind.namespaced;
    if (!(perNamespace && clusterWideRefused(endpoint, entry.kind))) {
      const all = this.cache.acquire(endpoint, { ref: entry.kind, namespace: null }, onChanges);
      try {
        await all.ready;
        return [all];
      } catch (error) {
        all.release();
        if (!noteClusterWideRefusal(endpoint, entry.kind, error) || !perNamespace) throw error;
      }
    }
    const handles = entry.namespaces!.map((namespace) =>
      this.cache.acquire(endpoint, { ref: entry.kind, namespace }, onChanges),
    );
    try {
      await Promise.all(handles.map((h) => h.ready));
      return handles;
    } catch (error) {
      handles.forEach((h) => h.release());
      throw error;
    }
  }

  private mayShow(entry: Entry, object: KubeObject): boolean {
    if (entry.name && object.metadata.name !== entry.name) return false;
    if (entry.about && aboutUid(object) !== entry.about) return false;
    return entry.namespaces === null || entry.namespaces.includes(object.metadata.namespace ?? "");
  }

  private deliver(watchId: string, changes: ObjectChange[]): void {
    const entry = this.entries.get(watchId);
    if (!entry?.answered) return;
    for (const { type, object } of changes) {
      if (!this.mayShow(entry, object)) continue;
      entry.pending.set(object.metadata.uid, type === "deleted" ? null : rowOf(entry.kind, object));
    }
    this.flush(watchId, entry);
  }

  /** Sends what is pending, unless the viewer has not yet acknowledged enough of what was sent. */
  private flush(watchId: string, entry: Entry): void {
    while (entry.pending.size && entry.unacked < MAX_UNACKED_ROW_BATCHES) {
      const upserts: KubeRow[] = [];
      const deletes: string[] = [];
      for (const [uid, row] of entry.pending) {
        if (upserts.length + deletes.length >= MAX_ROWS_PER_BATCH) break;
        entry.pending.delete(uid);
        if (row) upserts.push(row);
        else deletes.push(uid);
      }
      entry.unacked++;
      // A viewer that never answers is let go with its socket; until then it holds one row per object.
      this.socket.timeout(ROWS_ACK_TIMEOUT_MS).emit("kube:rows", { watchId, upserts, deletes }, () => {
        entry.unacked--;
        if (this.entries.get(watchId) === entry) this.flush(watchId, entry);
      });
    }
  }

  private end(watchId: string, reason: string): void {
    this.socket.emit("kube:watch-status", { watchId, error: reason, closed: true });
    this.unwatch(watchId);
  }
}
