// One Prisma client per process. Next bundles route code separately from server.ts, so the
// instance lives on globalThis to be shared by both copies of this module.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

const key = Symbol.for("fleetdeck.prisma");
type Holder = { [key]?: PrismaClient };

export function db(): PrismaClient {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    holder[key] = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  }
  return holder[key];
}

export async function disconnectDb(): Promise<void> {
  const holder = globalThis as Holder;
  await holder[key]?.$disconnect();
  delete holder[key];
}

export * from "./generated/client";
