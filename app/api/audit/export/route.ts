// GET /api/audit/export?format=csv|jsonl&… — every row matching the filters, streamed. Exporting is
// itself audited.
import { recordAudit } from "@/lib/audit/record";
import { auditExportQuery } from "@/lib/audit/audit-filter";
import { auditExportStream, EXPORT_CONTENT_TYPE } from "@/lib/audit/audit-export";
import { requireAuditScope } from "@/lib/audit/audit-scope";
import { route } from "@/lib/http/route";
import { logger } from "@/lib/log/logger";

export const GET = route({ query: auditExportQuery }, async ({ subject, require, query, address }) => {
  const scope = await requireAuditScope(subject, require);
  const { format, ...filter } = query;
  await recordAudit({
    actor: subject,
    action: "audit.export",
    outcome: "SUCCESS",
    address,
    detail: { format, filter },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  const body = auditExportStream({
    format,
    filter,
    scope,
    onError: (error) => logger().error({ err: error }, "audit export failed part-way"),
  });
  return new Response(body, {
    headers: {
      "content-type": EXPORT_CONTENT_TYPE[format],
      "content-disposition": `attachment; filename="audit-${stamp}.${format}"`,
      "cache-control": "no-store",
    },
  });
});
