// The palette's recently opened items, newest first, kept in this browser (localStorage).
import type { PaletteItem } from "../search/palette-item";

const STORAGE_KEY = "fleetdeck.palette.recents";
export const MAX_RECENTS = 10;

export function readRecents(): PaletteItem[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(parsed) ? (parsed as PaletteItem[]).filter((i) => i && typeof i.key === "string") : [];
  } catch {
    return [];
  }
}

/** Puts `item` first (once); returns the new list. */
export function rememberRecent(item: PaletteItem): PaletteItem[] {
  const next = [item, ...readRecents().filter((i) => i.key !== item.key)].slice(0, MAX_RECENTS);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: recents are a convenience.
  }
  return next;
}

/** Matches that were opened recently come first, most recent first; the rest keep their order. */
export function recentFirst(items: PaletteItem[], recents: PaletteItem[]): PaletteItem[] {
  const rank = new Map(recents.map((r, i) => [r.key, i]));
  const recent = items.filter((i) => rank.has(i.key)).sort((a, b) => rank.get(a.key)! - rank.get(b.key)!);
  return [...recent, ...items.filter((i) => !rank.has(i.key))];
}
