// A socket.io client that watches Kubernetes resources as the browser does: keeps each watch's
// rows by uid from the kube:watch answer and the kube:rows batches, and records every batch and
// status event as received.
import { io, type Socket } from "socket.io-client";
import type { KubeRow } from "@/lib/kube/kinds/row";
import type { KubeWatchRequest } from "@/lib/realtime/events";

type RowsEvent = { watchId: string; upserts: KubeRow[]; deletes: string[] };
type StatusEvent = { watchId: string; error: string | null; closed: boolean };
type WatchReply = { ok: true; data: { watchId: string; rows: KubeRow[] } } | { ok: false; error: string };

/** `holdAcks`: a browser that has not yet taken the batches in (acknowledged when released). */
export function kubeWatchSocket(appUrl: string, cookie: string, options: { holdAcks?: boolean } = {}) {
  const socket: Socket = io(appUrl, { transports: ["websocket"], extraHeaders: { cookie }, forceNew: true });
  const batches: RowsEvent[] = [];
  const statuses: StatusEvent[] = [];
  const rows = new Map<string, Map<string, KubeRow>>();
  const held: (() => void)[] = [];
  socket.on("kube:rows", (event: RowsEvent, ack?: () => void) => {
    if (options.holdAcks && ack) held.push(ack);
    else ack?.();
    batches.push(event);
    const current = rows.get(event.watchId);
    if (!current) return;
    for (const row of event.upserts) current.set(row.uid, row);
    for (const uid of event.deletes) current.delete(uid);
  });
  socket.on("kube:watch-status", (event: StatusEvent) => statuses.push(event));

  async function watch(request: KubeWatchRequest): Promise<WatchReply> {
    const reply = (await socket.timeout(30_000).emitWithAck("kube:watch", request)) as WatchReply;
    if (reply.ok) rows.set(reply.data.watchId, new Map(reply.data.rows.map((r) => [r.uid, r])));
    return reply;
  }
  /** The rows of a watch as the browser would show them now. */
  const rowsOf = (watchId: string) => [...(rows.get(watchId)?.values() ?? [])];
  const names = (watchId: string) => rowsOf(watchId).map((r) => `${r.namespace ?? ""}/${r.name}`);
  /** Acknowledges the batches held so far, and every later one at once. */
  const release = () => {
    options.holdAcks = false;
    held.splice(0).forEach((ack) => ack());
  };
  return { socket, watch, rowsOf, names, batches, statuses, release };
}
