// The audit log's filters as they live in the page's URL (so a filtered view can be shared) and as
// they go to the API, the export and audit:watch: the same field names everywhere.
import { AUDIT_FILTER_KEYS, type AuditFilterParams } from "../audit/audit-filter";

export function readAuditFilterParams(params: URLSearchParams): AuditFilterParams {
  const filter: AuditFilterParams = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter;
}

/** `extra` (format, before, limit) goes after the filter; empty fields are left out. */
export function auditQueryString(filter: AuditFilterParams, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...filter, ...extra }).filter((entry): entry is [string, string] =>
    Boolean(entry[1]),
  );
  return new URLSearchParams(entries).toString();
}
