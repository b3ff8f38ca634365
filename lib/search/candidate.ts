// A match found while searching, before it is made into a palette item: only the best few are.
import type { PaletteItem } from "./palette-item";

export interface Candidate {
  score: number;
  name: string;
  make(): PaletteItem;
}

/** Best score first; then shorter names (closer to what was typed), then by name. */
export function byRank(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.name.length - b.name.length || a.name.localeCompare(b.name);
}
