import { z } from "zod";
import { recordId } from "@/lib/http/record-id";
import { revokeAccountToken } from "@/lib/account/tokens";
import { requireBrowserSession } from "@/lib/account/require-browser-session";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const params = z.object({ tokenId: recordId });

/** Revokes (deletes) one of the caller's tokens: refused from the next request on. */
export const DELETE = route({ params }, async ({ subject, params, address }) => {
  await requireBrowserSession(subject, { action: "token.revoke", address });
  await revokeAccountToken({ subject, tokenId: params.tokenId, address });
});
