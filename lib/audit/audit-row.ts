// One audit row as the API, the export and the live push hand it out. Client-safe.
import type { AuditOutcome } from "./audit-filter";

export interface AuditRow {
  id: string;
  /** ISO time, milliseconds. */
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  address: string | null;
  endpointId: string | null;
  /** The endpoint's current name (null once deleted). */
  endpointName: string | null;
  action: string;
  target: string | null;
  outcome: AuditOutcome;
  detail: unknown;
}

export interface AuditPage {
  rows: AuditRow[];
  /** Pass as `before` for the next (older) page; null when this was the last. */
  next: string | null;
}
