// Who is making this request: a session cookie (browser) or an API token (automation).
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import type { Subject } from "../rbac/authorize";
import { subjectFromApiToken } from "./api-token";
import { sessionSecret } from "./secret";
import { subjectOfSession } from "./session-subject";

export async function subjectFromRequest(request: NextRequest): Promise<Subject | null> {
  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return subjectFromApiToken(bearer);
  return subjectOfSession(await getToken({ req: request, secret: sessionSecret() }));
}
