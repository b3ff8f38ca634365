// The audit log as a download: every row matching a filter, newest first, read a page at a time as
// the client takes the bytes (pull-based), so memory stays bounded however long the log is.
import { stringify } from "csv-stringify/sync";
import type { AuditScope } from "./audit-access";
import type { AuditCursor, AuditFilter } from "./audit-filter";
import { listAuditPage } from "./audit-query";
import type { AuditRow } from "./audit-row";

export type AuditExportFormat = "csv" | "jsonl";

const PAGE = 500;
const COLUMNS = [
  "at",
  "actorEmail",
  "address",
  "endpointId",
  "endpointName",
  "action",
  "target",
  "outcome",
  "detail",
] as const;

function csvLines(rows: AuditRow[], header: boolean): string {
  const records = rows.map((row) => ({ ...row, detail: row.detail == null ? "" : JSON.stringify(row.detail) }));
  // escape_formulas: a target such as "=HYPERLINK(…)" must not become a live formula in a spreadsheet.
  return stringify(records, { header, columns: [...COLUMNS], escape_formulas: true });
}

const jsonLines = (rows: AuditRow[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join("");

export function auditExportStream(options: {
  format: AuditExportFormat;
  filter: AuditFilter;
  scope: AuditScope;
  onError(error: unknown): void;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let before: AuditCursor | undefined;
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const page = await listAuditPage({ filter: options.filter, scope: options.scope, before, limit: PAGE });
          const text = options.format === "csv" ? csvLines(page.rows, first) : jsonLines(page.rows);
          first = false;
          if (text) controller.enqueue(encoder.encode(text));
          const last = page.rows.at(-1);
          if (!page.next || !last) return controller.close();
          before = { at: new Date(last.at), id: last.id };
        } catch (error) {
          options.onError(error);
          controller.error(error);
        }
      },
    },
    // One page in flight: the next is read only when the client has taken the last.
    { highWaterMark: 1 },
  );
}

export const EXPORT_CONTENT_TYPE: Record<AuditExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
};
