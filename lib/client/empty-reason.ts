// Why a list shows nothing: the read was refused, everything is filtered out, or there is nothing.
export type EmptyReason = "none" | "forbidden" | "filtered";

const REFUSED = /forbidden|not allowed|permission|limited to namespaces|cannot (list|read)|\b403\b/i;

export function emptyReason(options: { error?: string | null; total: number }): EmptyReason {
  if (options.error && REFUSED.test(options.error)) return "forbidden";
  return options.total > 0 ? "filtered" : "none";
}
