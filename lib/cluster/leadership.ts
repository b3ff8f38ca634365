// Work that must run once across instances (the background endpoint health checks) runs on the
// instance that holds a PostgreSQL session-level advisory lock. The lock lives exactly as long as
// its connection: an instance that stops or dies frees it, and another takes it at its next try.
import pg from "pg";

/** Fixed key of the lock ("fdhc": Fleetdeck health checks). */
export const HEALTH_CHECK_LOCK = 0x66646863;

export interface Leadership {
  /** Holds (or takes, when free) the lock; false while another instance holds it. */
  isLeader(): Promise<boolean>;
  /** Lets the lock go (closes its connection). */
  stop(): Promise<void>;
}

export function startLeadership(
  databaseUrl: string,
  options: { lockKey?: number; log: (message: string) => void },
): Leadership {
  const lockKey = options.lockKey ?? HEALTH_CHECK_LOCK;
  let client: pg.Client | null = null;
  let held = false;
  let stopped = false;
  // One question at a time on the one connection.
  let queue: Promise<unknown> = Promise.resolve();

  const drop = (why: string) => {
    if (held) options.log(`no longer runs the background checks: ${why}`);
    held = false;
    const old = client;
    client = null;
    old?.removeAllListeners("error");
    old?.on("error", () => {});
    void old?.end().catch(() => {});
  };

  const ask = async (): Promise<boolean> => {
    if (stopped) return false;
    try {
      if (!client) {
        const fresh = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
        fresh.on("error", (error) => {
          if (client === fresh) drop(error.message);
        });
        await fresh.connect();
        client = fresh;
      }
      if (held) {
        // The lock is ours as long as the connection answers.
        await client.query("select 1");
        return true;
      }
      const result = await client.query<{ locked: boolean }>("select pg_try_advisory_lock($1) as locked", [lockKey]);
      held = result.rows[0]?.locked === true;
      if (held) options.log("this instance runs the background checks");
      return held;
    } catch (error) {
      drop((error as Error).message);
      return false;
    }
  };

  return {
    isLeader() {
      const next = queue.then(ask, ask);
      queue = next;
      return next;
    },
    async stop() {
      stopped = true;
      await queue.catch(() => {});
      const old = client;
      held = false;
      client = null;
      await old?.end().catch(() => {});
    },
  };
}
