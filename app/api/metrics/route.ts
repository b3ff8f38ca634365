import { timingSafeEqual, createHash } from "node:crypto";
import { config } from "@/lib/config";
import { HttpError, notFound } from "@/lib/errors";
import { publicRoute } from "@/lib/http/route";
import { metricsText } from "@/lib/metrics/metrics-text";

export const dynamic = "force-dynamic";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compared as digests, so neither the token's length nor its bytes leak through timing. */
function bearerMatches(header: string | null, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? "")?.[1]?.trim() ?? "";
  return timingSafeEqual(digest(given), digest(token));
}

// Prometheus metrics, behind their own token (METRICS_TOKEN), not a person's session: a scraper
// holds no account. Off (404) until the token is set.
export const GET = publicRoute({}, async ({ request }) => {
  const token = config().METRICS_TOKEN;
  if (!token) throw notFound("metrics are off; set METRICS_TOKEN");
  if (!bearerMatches(request.headers.get("authorization"), token))
    throw new HttpError(401, "send Authorization: Bearer <METRICS_TOKEN>");
  const { text, contentType } = await metricsText();
  return new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
