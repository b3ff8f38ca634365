// Around every HTTP request server.ts serves: a request id (the caller's `x-request-id` when it is
// a short plain token, else a new one) answered in `x-request-id` and carried by every log line
// written while the request runs; one access log line when the response ends; its duration in the
// HTTP histogram under the route's pattern.
import type { IncomingMessage, ServerResponse } from "node:http";
import { componentLogger } from "../log/logger";
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestId } from "../log/request-context";
import { observeHttpRequest } from "../metrics/http-metrics";
import { compilePatterns, readAppPatterns, routeOf } from "../metrics/route-patterns";

/** Probes and assets: logged at debug, so a scraper or a page's scripts do not flood the log. */
const QUIET = new Set(["/api/health", "/api/ready", "/api/metrics", "/_next", "/favicon.ico"]);

export function requestObserver(root: string) {
  const patterns = compilePatterns(readAppPatterns(root));
  const log = componentLogger("http");
  return (request: IncomingMessage, response: ServerResponse, serve: () => void): void => {
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    response.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const pathname = (request.url ?? "/").split("?")[0]!;
      const route = routeOf(patterns, pathname);
      const method = request.method ?? "GET";
      // A response cut off before its head was sent counts as what the client saw: nothing.
      const status = response.headersSent ? response.statusCode : 0;
      observeHttpRequest({ method, route: route ?? "unmatched", status, seconds });
      const line = {
        requestId,
        method,
        ...(route ? { route } : { path: pathname }),
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
      };
      const quiet = QUIET.has(route ?? pathname);
      log[quiet ? "debug" : "info"](line, `${method} ${route ?? pathname} ${status}`);
    });
    runWithRequestId(requestId, serve);
  };
}
