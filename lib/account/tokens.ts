// A person's own API tokens: made (the value shown once), listed, revoked. Revoking deletes the row,
// so the token is refused at once, and sockets opened with it end at the re-check started here.
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { createApiToken } from "../auth/api-token";
import { db } from "../db/client";
import { conflict, notFound } from "../errors";
import type { EndpointRole } from "../rbac/actions";
import type { Subject } from "../rbac/authorize";
import { recheckAccessNow } from "../realtime/access-recheck";

/** Enough for any automation; a bound keeps one account from filling the table. */
export const MAX_TOKENS_PER_USER = 100;

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "name the token (what uses it)").max(100, "name: at most 100 characters"),
  /** Days until it stops working; null = never. */
  expiresInDays: z
    .number()
    .int()
    .min(1, "expiresInDays: at least 1")
    .max(3650, "expiresInDays: at most 3650")
    .nullable()
    .default(null),
  /** The most it may do (VIEWER = read-only); null = everything its user may. */
  ceiling: z.enum(["VIEWER", "OPERATOR", "ENDPOINT_ADMIN"]).nullable().default(null),
});

/** What the account page shows of a token (never its value or hash). */
export interface TokenView {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  ceiling: EndpointRole | null;
}

const VIEW = { id: true, name: true, createdAt: true, expiresAt: true, lastUsedAt: true, ceiling: true } as const;

type TokenRow = Omit<TokenView, "createdAt" | "expiresAt" | "lastUsedAt"> & {
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
};

const toView = (r: TokenRow): TokenView => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt?.toISOString() ?? null,
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
});

export async function listAccountTokens(subject: Subject): Promise<TokenView[]> {
  const rows = await db().apiToken.findMany({
    where: { userId: subject.userId },
    orderBy: { createdAt: "desc" },
    select: VIEW,
  });
  return rows.map(toView);
}

export async function createAccountToken(input: {
  subject: Subject;
  body: z.infer<typeof createTokenSchema>;
  address: string | null;
}) {
  const { subject, body, address } = input;
  if ((await db().apiToken.count({ where: { userId: subject.userId } })) >= MAX_TOKENS_PER_USER)
    throw conflict(`you have ${MAX_TOKENS_PER_USER} tokens already; revoke some first`);
  const expiresAt = body.expiresInDays === null ? null : new Date(Date.now() + body.expiresInDays * 86_400_000);
  const { id, token } = await createApiToken({
    userId: subject.userId,
    name: body.name,
    expiresAt,
    ceiling: body.ceiling,
  });
  // The token itself is never written anywhere but the answer.
  await recordAudit({
    actor: subject,
    action: "token.create",
    target: body.name,
    outcome: "SUCCESS",
    address,
    detail: { tokenId: id, ceiling: body.ceiling, expiresAt: expiresAt?.toISOString() ?? null },
  });
  const apiToken = toView(await db().apiToken.findUniqueOrThrow({ where: { id }, select: VIEW }));
  return { token, apiToken };
}

export async function revokeAccountToken(input: { subject: Subject; tokenId: string; address: string | null }) {
  const { subject, tokenId, address } = input;
  const row = await db().apiToken.findFirst({ where: { id: tokenId, userId: subject.userId }, select: { name: true } });
  const { count } = await db().apiToken.deleteMany({ where: { id: tokenId, userId: subject.userId } });
  if (!row || count === 0) throw notFound("no such token of yours");
  await recordAudit({
    actor: subject,
    action: "token.revoke",
    target: row.name,
    outcome: "SUCCESS",
    address,
    detail: { tokenId },
  });
  await recheckAccessNow();
}
