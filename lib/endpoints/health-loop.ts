// Background health checks: every endpoint on an interval, all at once, each bounded by the
// upstream timeout, so one dead endpoint never delays the others or any page. With several
// instances on one database only the leader checks (its pushes reach every instance through the
// socket adapter); the others ask for the lock more often, so one takes over soon after it goes.
import { config } from "../config";
import type { Leadership } from "../cluster/leadership";
import { db } from "../db/client";
import { checkEndpoint } from "./health";

/** How often an instance that does not hold the lock asks for it (at most). */
const FOLLOWER_RETRY_MS = 3000;

export function startHealthLoop(options: { leadership: Leadership; log: (message: string) => void }): () => void {
  const { leadership, log } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    const intervalMs = config().ENDPOINT_CHECK_INTERVAL_SECONDS * 1000;
    let nextMs = Math.min(intervalMs, FOLLOWER_RETRY_MS);
    try {
      if (await leadership.isLeader()) {
        nextMs = intervalMs;
        const endpoints = await db().endpoint.findMany();
        await Promise.allSettled(
          endpoints.map((e) =>
            checkEndpoint(e).catch((error: Error) => log(`health check of ${e.name}: ${error.message}`)),
          ),
        );
      }
    } catch (error) {
      log(`health checks: ${(error as Error).message}`);
    }
    if (!stopped) timer = setTimeout(round, nextMs);
  };
  timer = setTimeout(round, 500);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
