import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { searchFleet } from "@/lib/search/search-fleet";
import { searchLimitParam, searchText } from "@/lib/search/search-input";

export const dynamic = "force-dynamic";

const query = z.object({ q: searchText, limit: searchLimitParam });

// GET /api/search?q=…: the command palette's answer (for scripts; the palette itself asks over its
// socket, without a sign-in check per keystroke). The search's own time is in Server-Timing.
export const GET = route({ query }, async ({ subject, query }) => {
  const started = performance.now();
  const answer = await searchFleet(subject, query.q, query.limit);
  return NextResponse.json(answer, {
    headers: { "server-timing": `search;dur=${(performance.now() - started).toFixed(1)}` },
  });
});
