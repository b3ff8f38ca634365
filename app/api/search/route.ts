import { z } from "zod";
import { route } from "@/lib/http/route";
import { searchFleet } from "@/lib/search/search-fleet";

export const dynamic = "force-dynamic";

const query = z.object({
  q: z
    .string({ error: "say what to search for (q)" })
    .trim()
    .min(1, "say what to search for (q)")
    .max(100, "a search is at most 100 characters"),
  limit: z.coerce.number().int().min(1).max(100).default(40),
});

// GET /api/search?q=…: the command palette's answer, from what the server holds in memory.
export const GET = route({ query }, async ({ subject, query }) => searchFleet(subject, query.q, query.limit));
