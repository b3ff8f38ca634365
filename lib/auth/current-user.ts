// Who is making this request: a session cookie (browser) or an API token (automation).
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { loadSubject } from "../rbac/load-subject";
import type { Subject } from "../rbac/authorize";
import { sessionSecret } from "./secret";
import { subjectFromApiToken } from "./api-token";

export async function subjectFromRequest(request: NextRequest): Promise<Subject | null> {
  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return subjectFromApiToken(bearer);
  const token = await getToken({ req: request, secret: sessionSecret() });
  const userId = typeof token?.uid === "string" ? token.uid : null;
  return userId ? loadSubject(userId) : null;
}
