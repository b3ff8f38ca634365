// Background health checks: every endpoint on an interval, all at once, each bounded by the
// upstream timeout, so one dead endpoint never delays the others or any page.
import { config } from "../config";
import { db } from "../db/client";
import { lineLogger } from "../log/logger";
import { checkEndpoint } from "./health";

export function startHealthLoop(log: (message: string) => void = lineLogger("health", "warn")): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    try {
      const endpoints = await db().endpoint.findMany();
      await Promise.allSettled(
        endpoints.map((e) =>
          checkEndpoint(e).catch((error: Error) => log(`health check of ${e.name}: ${error.message}`)),
        ),
      );
    } catch (error) {
      log(`health checks: ${(error as Error).message}`);
    }
    if (!stopped) timer = setTimeout(round, config().ENDPOINT_CHECK_INTERVAL_SECONDS * 1000);
  };
  timer = setTimeout(round, 500);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
