// Who is on the other end of a socket: the same session cookie (or API token) as HTTP requests,
// and until when that credential is good (the access re-check ends the socket after that).
import { decode } from "next-auth/jwt";
import type { IncomingMessage } from "node:http";
import { subjectFromApiToken } from "../auth/api-token";
import { sessionSecret } from "../auth/secret";
import { subjectOfSession } from "../auth/session-subject";
import type { SocketData } from "./socket-data";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

export async function authenticateHandshake(request: IncomingMessage, authToken?: unknown): Promise<SocketData | null> {
  if (typeof authToken === "string" && authToken) {
    const subject = await subjectFromApiToken(authToken);
    return subject && { subject, credential: { kind: "token", token: authToken } };
  }
  for (const name of SESSION_COOKIES) {
    const value = readCookie(request.headers.cookie, name);
    if (!value) continue;
    // decode() refuses an expired token; `exp` is kept to end the socket when it passes.
    const token = await decode({ token: value, secret: sessionSecret() }).catch(() => null);
    const subject = await subjectOfSession(token);
    if (!subject?.sessionId) continue;
    const exp = typeof token?.exp === "number" ? token.exp * 1000 : null;
    return { subject, credential: { kind: "session", sessionId: subject.sessionId, expiresAt: exp } };
  }
  return null;
}
