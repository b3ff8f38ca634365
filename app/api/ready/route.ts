import { NextResponse } from "next/server";
import { migrationStatus } from "@/lib/db/migration-status";
import { isShuttingDown } from "@/lib/http/lifecycle";
import { publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const notReady = (reason: string) => NextResponse.json({ status: "not ready", reason }, { status: 503 });

// Public readiness: may this instance take traffic? The database answers, every committed migration
// is applied, and the instance is not shutting down. Nothing secret in the answer.
export const GET = publicRoute({}, async () => {
  if (isShuttingDown()) return notReady("shutting down");
  let pending: string[];
  try {
    pending = (await migrationStatus()).pending;
  } catch {
    return notReady("the database does not answer");
  }
  if (pending.length) return notReady(`migrations not applied: ${pending.join(", ")}`);
  return { status: "ready" };
});
