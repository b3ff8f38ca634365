import { accessChangeRoute } from "@/lib/admin/access-change-route";
import { issueInvitation } from "@/lib/admin/invitations";
import { getUser, userIdParams } from "@/lib/admin/users";

export const dynamic = "force-dynamic";

/** A fresh one-time link (an invitation, or a password reset for someone who has one). */
export const POST = accessChangeRoute(
  { params: userIdParams, audit: ({ params }) => ({ action: "user.invitation", target: params.userId }) },
  async ({ params }) => {
    await getUser(params.userId);
    const { token, expiresAt } = await issueInvitation(params.userId);
    return { path: `/invite/${token}`, expiresAt };
  },
);
