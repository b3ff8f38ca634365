// A line diff (longest common subsequence) for showing what an apply would change: YAML of one
// object is small, so the quadratic table is fine; larger inputs fall back to "all replaced".
export type DiffLine = { type: "same" | "added" | "removed"; text: string };

const MAX_CELLS = 4_000_000;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before ? before.replace(/\n$/, "").split("\n") : [];
  const b = after ? after.replace(/\n$/, "").split("\n") : [];
  if (a.length * b.length > MAX_CELLS)
    return [
      ...a.map((text) => ({ type: "removed" as const, text })),
      ...b.map((text) => ({ type: "added" as const, text })),
    ];
  // lengths[i][j]: LCS length of a[i..] and b[j..], filled from the end.
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ type: "same", text: a[i]! });
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) out.push({ type: "removed", text: a[i++]! });
    else out.push({ type: "added", text: b[j++]! });
  }
  while (i < a.length) out.push({ type: "removed", text: a[i++]! });
  while (j < b.length) out.push({ type: "added", text: b[j++]! });
  return out;
}
