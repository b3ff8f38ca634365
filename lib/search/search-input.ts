// What a palette search may ask: the same rule for GET /api/search and the palette:search event.
import { z } from "zod";

export const searchText = z
  .string({ error: "say what to search for (q)" })
  .trim()
  .min(1, "say what to search for (q)")
  .max(100, "a search is at most 100 characters");

/** How many items at most (a number; `searchLimitParam` reads it from a URL). */
export const searchLimit = z.number().int().min(1).max(100).default(40);
export const searchLimitParam = z.coerce.number().int().min(1).max(100).default(40);
