import { createAccountToken, createTokenSchema, listAccountTokens } from "@/lib/account/tokens";
import { requireBrowserSession } from "@/lib/account/require-browser-session";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({}, async ({ subject, address }) => {
  await requireBrowserSession(subject, { action: "token.list", address });
  return { tokens: await listAccountTokens(subject) };
});

/** Answers the token itself, this once; only its hash is kept. */
export const POST = route({ body: createTokenSchema }, async ({ subject, body, address }) => {
  await requireBrowserSession(subject, { action: "token.create", address });
  return Response.json(await createAccountToken({ subject, body, address }), { status: 201 });
});
