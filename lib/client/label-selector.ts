// Label selectors as kubectl takes them (`app=web,tier!=db,env in (a,b),!legacy,team`), matched
// in the browser against the rows it already has.
type Requirement = (labels: Record<string, string>) => boolean;

function requirement(part: string): Requirement | null {
  const set = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
  if (set) {
    const values = set[3]!.split(",").map((v) => v.trim());
    const [, key, op] = set;
    return (l) => (op === "in" ? key! in l && values.includes(l[key!]!) : !(key! in l) || !values.includes(l[key!]!));
  }
  const cmp = /^([^\s!=]+)\s*(==|=|!=)\s*(\S*)$/.exec(part);
  if (cmp) {
    const [, key, op, value] = cmp;
    return (l) => (op === "!=" ? l[key!] !== value : l[key!] === value);
  }
  if (/^![^\s!=]+$/.test(part)) return (l) => !(part.slice(1) in l);
  if (/^[^\s!=]+$/.test(part)) return (l) => part in l;
  return null;
}

/** A matcher, or an error saying which part is not understood. */
export function parseLabelSelector(text: string): { matches: Requirement } | { error: string } {
  const parts = text
    .split(/,(?![^(]*\))/)
    .map((p) => p.trim())
    .filter(Boolean);
  const requirements: Requirement[] = [];
  for (const part of parts) {
    const r = requirement(part);
    if (!r) return { error: `not a label requirement: ${part}` };
    requirements.push(r);
  }
  return { matches: (labels) => requirements.every((r) => r(labels)) };
}
