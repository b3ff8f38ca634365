// Cross-site request refusal, for every state-changing HTTP request and every socket handshake:
// a browser names the page that made a request in `Origin` (and `Sec-Fetch-Site`), so a request
// from another site is refused here, not left to the session cookie's SameSite attribute alone.
// Clients that are not browsers (scripts with an API token) send neither header and pass.
import type { IncomingHttpHeaders } from "node:http";
import { config } from "../config";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function allowedOrigins(host: string | undefined): Set<string> {
  const origins = new Set<string>();
  if (host) origins.add(`http://${host}`).add(`https://${host}`);
  const publicUrl = process.env.NEXTAUTH_URL;
  if (publicUrl) {
    try {
      origins.add(new URL(publicUrl).origin);
    } catch {
      /* config() reports a bad URL elsewhere */
    }
  }
  for (const origin of config().ALLOWED_ORIGINS) origins.add(origin);
  return origins;
}

/** Why the request is refused as cross-site, or null. `always` checks safe methods too (sockets). */
export function crossSiteRefusal(
  method: string | undefined,
  headers: IncomingHttpHeaders,
  options: { always?: boolean } = {},
): string | null {
  if (!options.always && SAFE_METHODS.has((method ?? "GET").toUpperCase())) return null;
  const origin = headers.origin;
  if (origin === undefined) {
    return headers["sec-fetch-site"] === "cross-site" ? "cross-site requests are not accepted" : null;
  }
  if (allowedOrigins(headers.host).has(origin)) return null;
  return `requests from ${origin} are not accepted (set ALLOWED_ORIGINS to allow another origin)`;
}
