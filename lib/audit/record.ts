// Append-only audit trail. Details must never hold credentials: callers pass only names and ids.
import { db, Prisma } from "../db/client";
import { componentLogger } from "../log/logger";
import { pushAuditRow } from "../realtime/audit-push";

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
  const data = {
    actorId: entry.actor?.userId ?? null,
    actorEmail: entry.actor?.email ?? null,
    action: entry.action,
    endpointId: entry.endpointId ?? null,
    target: entry.target ?? null,
    outcome: entry.outcome,
    detail: entry.detail as object | undefined,
    address: entry.address ?? null,
  };
  const select = { id: true, endpointId: true } as const;
  let row: { id: string; endpointId: string | null };
  try {
    row = await db().auditEvent.create({ data, select });
  } catch (error) {
    // A refusal may name an endpoint id that does not exist (or was just deleted): the row is
    // still written, with the id kept in its detail instead of the foreign key.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") || !data.endpointId)
      throw error;
    row = await db().auditEvent.create({
      data: { ...data, endpointId: null, detail: { ...entry.detail, endpointId: data.endpointId } },
      select,
    });
  }
  // Live viewers of the audit log; the row is written whatever becomes of the push.
  void pushAuditRow(row).catch((error: Error) =>
    componentLogger("audit").warn(`could not push an audit row: ${error.message}`),
  );
}
