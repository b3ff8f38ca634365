// What the server keeps on each socket: who is on the other end and until when the credential
// they connected with is good (re-checked by access-recheck while the socket lives).
import type { Socket } from "socket.io";
import type { AuditFilter } from "../audit/audit-filter";
import type { Subject } from "../rbac/authorize";
import type { ClientToServerEvents, ServerToClientEvents } from "./events";

export type SocketCredential =
  /**
   * A next-auth session cookie: `sessionId` its server-side session (ended → the socket ends),
   * `expiresAt` its `exp`, in milliseconds since the epoch.
   */
  | { kind: "session"; sessionId: string; expiresAt: number | null }
  /** An API token: looked up again on every re-check (revoked or expired ends the socket). */
  | { kind: "token"; token: string };

export interface SocketData {
  subject: Subject;
  credential: SocketCredential;
  /**
   * The tab's audit:watch filter while it watches. On the socket, not in a module, since rows are
   * pushed from route bundles too (a separate module graph).
   */
  auditFilter?: AuditFilter;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no events between instances
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, {}, SocketData>;
