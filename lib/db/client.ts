// One Prisma client per process. Next bundles route code separately from server.ts, so the
// instance lives on globalThis to be shared by both copies of this module. Its connection pool is
// ours (handed to the adapter), so its size can be reported.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

const key = Symbol.for("fleetdeck.prisma");
type Holder = { [key]?: { client: PrismaClient; pool: pg.Pool } };

export function db(): PrismaClient {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    const pool = new pg.Pool({ connectionString });
    // The adapter carries its own copy of pg's type declarations (the runtime pg is the same one).
    const adapter = new PrismaPg(pool as unknown as ConstructorParameters<typeof PrismaPg>[0], {
      disposeExternalPool: true,
    });
    holder[key] = { client: new PrismaClient({ adapter }), pool };
  }
  return holder[key].client;
}

/** The connection pool's figures, or null before the first query made it. */
export function dbPoolStats(): { total: number; idle: number; waiting: number } | null {
  const pool = (globalThis as Holder)[key]?.pool;
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

export async function disconnectDb(): Promise<void> {
  const holder = globalThis as Holder;
  await holder[key]?.client.$disconnect();
  delete holder[key];
}

export * from "./generated/client";
