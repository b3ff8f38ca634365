// grep with context over the recent lines the server holds (the hubs' ring buffers), across every
// member of a merged view, without a log database.
import type { LogSearchResult } from "../realtime/events";
import type { LogLine } from "./log-line";

export const MAX_MATCHES = 500;

export interface SearchableBuffer {
  subscriptionId: string;
  member: string;
  label: string;
  lines: LogLine[];
}

/** A plain text (case-insensitive) or a regular expression; a bad expression is the caller's 4xx. */
export function lineMatcher(pattern: string, regex: boolean): (text: string) => boolean {
  if (regex) {
    const re = new RegExp(pattern, "i");
    return (text) => re.test(text);
  }
  const needle = pattern.toLowerCase();
  return (text) => text.toLowerCase().includes(needle);
}

export function searchBuffers(
  buffers: SearchableBuffer[],
  matches: (text: string) => boolean,
  context: number,
  limit = MAX_MATCHES,
): LogSearchResult {
  const found: LogSearchResult["matches"] = [];
  let searchedLines = 0;
  let truncated = false;
  for (const buffer of buffers) {
    const lines = buffer.lines;
    searchedLines += lines.length;
    for (let i = 0; i < lines.length; i++) {
      if (!matches(lines[i]!.text)) continue;
      if (found.length === limit) {
        truncated = true;
        break;
      }
      found.push({
        subscriptionId: buffer.subscriptionId,
        member: buffer.member,
        label: buffer.label,
        before: lines.slice(Math.max(0, i - context), i),
        line: lines[i]!,
        after: lines.slice(i + 1, i + 1 + context),
      });
    }
  }
  // Newest last, across sources, as in the view.
  found.sort((a, b) => (a.line.ts < b.line.ts ? -1 : a.line.ts > b.line.ts ? 1 : 0));
  return { matches: found, truncated, searchedLines };
}
