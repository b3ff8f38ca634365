// Who is on the other end of a socket: the same session cookie (or API token) as HTTP requests.
import { decode } from "next-auth/jwt";
import type { IncomingMessage } from "node:http";
import { subjectFromApiToken } from "../auth/api-token";
import { sessionSecret } from "../auth/secret";
import { loadSubject } from "../rbac/load-subject";
import type { Subject } from "../rbac/authorize";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

export async function subjectFromHandshake(request: IncomingMessage, authToken?: unknown): Promise<Subject | null> {
  if (typeof authToken === "string" && authToken) return subjectFromApiToken(authToken);
  for (const name of SESSION_COOKIES) {
    const value = readCookie(request.headers.cookie, name);
    if (!value) continue;
    const token = await decode({ token: value, secret: sessionSecret() }).catch(() => null);
    if (typeof token?.uid === "string") return loadSubject(token.uid);
  }
  return null;
}
