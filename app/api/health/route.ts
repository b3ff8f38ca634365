import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// Public: liveness and database status, nothing secret.
export async function GET() {
  const started = Date.now();
  try {
    await db().$queryRaw`select 1`;
    return NextResponse.json({ status: "ok", database: { status: "up", latencyMs: Date.now() - started } });
  } catch {
    return NextResponse.json({ status: "degraded", database: { status: "down" } }, { status: 503 });
  }
}
