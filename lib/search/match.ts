// How well a name answers what the person typed: the whole query in the name (exactly, at its
// start, at a word start, anywhere), or else every word of the query somewhere in the name,
// namespace, endpoint or type. Higher is better; null is no match. Pure, for the palette's ranking.

/** The query as the matcher uses it (lower case, split into words once per search). */
export interface Query {
  text: string;
  words: string[];
}

export function toQuery(raw: string): Query {
  const text = raw.trim().toLowerCase();
  return { text, words: text.split(/\s+/).filter(Boolean) };
}

const WORD_START = /[-_./:\s]/;

/** `name` is the object's name; `context` the other words it may be found by. */
export function matchScore(query: Query, name: string, context: string): number | null {
  const lower = name.toLowerCase();
  const at = lower.indexOf(query.text);
  if (at === 0) return lower.length === query.text.length ? 100 : 80;
  if (at > 0) {
    // A word start anywhere in the name counts as much as the first one found.
    if (WORD_START.test(lower[at - 1]!)) return 60;
    for (let i = lower.indexOf(query.text, at + 1); i > 0; i = lower.indexOf(query.text, i + 1))
      if (WORD_START.test(lower[i - 1]!)) return 60;
    return 40;
  }
  if (query.words.length < 2) return null;
  const all = `${lower} ${context.toLowerCase()}`;
  let inName = false;
  for (const word of query.words) {
    if (!all.includes(word)) return null;
    inName ||= lower.includes(word);
  }
  return inName ? 20 : 10;
}
