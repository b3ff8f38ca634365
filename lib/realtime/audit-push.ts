// Pushes a new audit row to the tabs watching the audit log (audit:watch). Rooms are per reader
// scope — administrators in one room, each endpoint's administrators in that endpoint's room — so a
// row only reaches who may read it; each watcher's own filter is then asked with the same SQL as the
// API. Called by recordAudit, which runs in server.ts and in route bundles alike: the socket.io
// server is reached through realtimeServer() (on globalThis). Other instances are told the row's id
// and push it to their own watchers (each asks the database itself).
import { auditRowMatches, loadAuditRow } from "../audit/audit-query";
import type { AuditFilter } from "../audit/audit-filter";
import { realtimeServer } from "./hub";
import { tellOtherInstances } from "./instance-events";

export const AUDIT_ALL_ROOM = "audit:all";
export const auditEndpointRoom = (endpointId: string) => `audit:endpoint:${endpointId}`;

const isEmpty = (filter: AuditFilter) => Object.values(filter).every((value) => value === undefined);

export async function pushAuditRow(row: { id: string; endpointId: string | null }): Promise<void> {
  tellOtherInstances("audit:row", row);
  await pushAuditRowLocally(row);
}

/** To this instance's watchers only. */
export async function pushAuditRowLocally(row: { id: string; endpointId: string | null }): Promise<void> {
  const io = realtimeServer();
  if (!io) return;
  const rooms = [AUDIT_ALL_ROOM, ...(row.endpointId ? [auditEndpointRoom(row.endpointId)] : [])];
  // A socket in several of these rooms is listed once.
  const sockets = (await io.local.in(rooms).fetchSockets()).filter((socket) => socket.data.auditFilter);
  if (!sockets.length) return;
  const view = await loadAuditRow(row.id);
  if (!view) return;
  // One question to the database per distinct filter, however many tabs share it.
  const byFilter = new Map<string, typeof sockets>();
  for (const socket of sockets) {
    const key = JSON.stringify(socket.data.auditFilter);
    byFilter.set(key, [...(byFilter.get(key) ?? []), socket]);
  }
  for (const group of byFilter.values()) {
    const filter = group[0]!.data.auditFilter!;
    if (isEmpty(filter) || (await auditRowMatches(row.id, filter)))
      for (const socket of group) socket.emit("audit:row", view);
  }
}
