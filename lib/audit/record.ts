// Append-only audit trail. Details must never hold credentials: callers pass only names and ids.
import { db } from "../db/client";

export interface AuditEntry {
  actor?: { userId: string; email: string } | null;
  /** e.g. "endpoint.create", "auth.signin" */
  action: string;
  endpointId?: string | null;
  target?: string | null;
  outcome: "SUCCESS" | "DENIED" | "FAILURE";
  detail?: Record<string, unknown>;
  address?: string | null;
}

export async function recordAudit(entry: AuditEntry): Promise<void> {
  await db().auditEvent.create({
    data: {
      actorId: entry.actor?.userId ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      endpointId: entry.endpointId ?? null,
      target: entry.target ?? null,
      outcome: entry.outcome,
      detail: entry.detail as object | undefined,
      address: entry.address ?? null,
    },
  });
}
