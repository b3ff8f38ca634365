// grep with context over the recent lines the server holds (the hubs' ring buffers), across every
// member of a merged view, without a log database. A user's pattern must not be able to stall the
// server: regular expressions run on RE2 (linear time, no backtracking), the work is capped in
// lines and characters and done in slices that let other requests through, and the reply is
// capped in matches and bytes, long lines cut.
import { RE2JS } from "re2js";
import type { LogSearchResult } from "../realtime/events";
import type { LogLine } from "./log-line";

export const MAX_MATCHES = 500;
/** Lines looked at per search, all members together (the newest of each member first). */
export const MAX_SEARCH_LINES = 200_000;
/** Characters looked at per search: a ring holds up to 8 MB per member. */
export const MAX_SEARCH_CHARS = 32 * 1024 * 1024;
/** A line in a reply (match or context) is cut after this many characters. */
export const MAX_REPLY_LINE_CHARS = 2_000;
/** The reply stops growing here (then `truncated`). */
export const MAX_REPLY_BYTES = 2 * 1024 * 1024;
/** Work done between two turns of the event loop. */
const SLICE_CHARS = 256 * 1024;

/** A member's held lines, oldest first, read one at a time (a ring decodes a line when asked). */
export interface HeldLines {
  readonly length: number;
  /** undefined once the line is no longer held (its ring moved on while the search yielded). */
  at(index: number): LogLine | undefined;
}

export interface SearchableBuffer {
  subscriptionId: string;
  member: string;
  label: string;
  lines: HeldLines;
}

function range(lines: HeldLines, from: number, to: number): LogLine[] {
  const out: LogLine[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
    const line = lines.at(i);
    if (line) out.push(cut(line));
  }
  return out;
}

export class SearchPatternError extends Error {}

/** A plain text (case-insensitive) or an RE2 regular expression (case-insensitive). */
export function lineMatcher(pattern: string, regex: boolean): (text: string) => boolean {
  if (regex) {
    let re: RE2JS;
    try {
      re = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
    } catch (error) {
      throw new SearchPatternError(`not a valid regular expression: ${(error as Error).message}`);
    }
    return (text) => re.test(text);
  }
  const needle = pattern.toLowerCase();
  return (text) => text.toLowerCase().includes(needle);
}

function cut(line: LogLine): LogLine {
  if (line.text.length <= MAX_REPLY_LINE_CHARS) return line;
  const more = line.text.length - MAX_REPLY_LINE_CHARS;
  return { ...line, text: `${line.text.slice(0, MAX_REPLY_LINE_CHARS)}… [${more} more characters]` };
}

const replyBytes = (lines: LogLine[]) => lines.reduce((sum, l) => sum + l.text.length * 3 + l.ts.length + 16, 0);
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export const SEARCH_LIMITS = {
  matches: MAX_MATCHES,
  lines: MAX_SEARCH_LINES,
  chars: MAX_SEARCH_CHARS,
  replyBytes: MAX_REPLY_BYTES,
};

export async function searchBuffers(options: {
  buffers: SearchableBuffer[];
  matches: (text: string) => boolean;
  /** Lines before and after each match. */
  context: number;
  /** Smaller limits, for tests. */
  limits?: Partial<typeof SEARCH_LIMITS>;
}): Promise<LogSearchResult> {
  const { buffers, matches, context } = options;
  const limits = { ...SEARCH_LIMITS, ...options.limits };
  const found: LogSearchResult["matches"] = [];
  let searchedLines = 0;
  let chars = 0;
  let sliceChars = 0;
  let bytes = 0;
  let truncated = false;
  let incomplete: string | undefined;
  const perBuffer = Math.floor(limits.lines / Math.max(1, buffers.length));
  search: for (const buffer of buffers) {
    const lines = buffer.lines;
    const oldest = Math.max(0, lines.length - perBuffer);
    if (oldest > 0) incomplete = `searched the newest ${perBuffer} lines of each source`;
    // Newest first: under a limit, the recent past is what the person is after.
    for (let i = lines.length - 1; i >= oldest; i--) {
      const line = lines.at(i);
      // Rings drop their oldest lines first: the older ones are gone too.
      if (!line) break;
      const text = line.text;
      if (chars + text.length > limits.chars) {
        incomplete = `stopped after ${Math.round(chars / 1024 / 1024)} MB of log text`;
        break search;
      }
      chars += text.length;
      sliceChars += text.length;
      searchedLines++;
      if (sliceChars >= SLICE_CHARS) {
        sliceChars = 0;
        await nextTurn();
      }
      if (!matches(text)) continue;
      const match = {
        subscriptionId: buffer.subscriptionId,
        member: buffer.member,
        label: buffer.label,
        before: range(lines, i - context, i),
        line: cut(line),
        after: range(lines, i + 1, i + 1 + context),
      };
      bytes += replyBytes([...match.before, match.line, ...match.after]);
      if (found.length === limits.matches || bytes > limits.replyBytes) {
        truncated = true;
        break search;
      }
      found.push(match);
    }
  }
  // Newest last, across sources, as in the view.
  found.sort((a, b) => (a.line.ts < b.line.ts ? -1 : a.line.ts > b.line.ts ? 1 : 0));
  return { matches: found, truncated, searchedLines, ...(incomplete ? { incomplete } : {}) };
}
