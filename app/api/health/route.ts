import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

const DATABASE_WAIT_MS = 2_000;

// Public liveness: 200 while the process serves requests, with the database's state as a detail.
// A database blip must not fail liveness (an orchestrator would restart every instance for it):
// /api/ready is what says whether to send traffic here.
export async function GET() {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("no answer")), DATABASE_WAIT_MS);
  });
  try {
    await Promise.race([db().$queryRaw`select 1`, waited]);
    return NextResponse.json({ status: "ok", database: { status: "up", latencyMs: Date.now() - started } });
  } catch {
    return NextResponse.json({ status: "degraded", database: { status: "down" } });
  } finally {
    clearTimeout(timer);
  }
}
