import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

// Options are built per request: the secret comes from the environment or the data directory,
// which are only known at run time, not at build time.
const handler = (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(
    request as never,
    context as never,
    authOptions({ headers: Object.fromEntries(request.headers) }),
  ) as Promise<Response>;

export { handler as GET, handler as POST };
