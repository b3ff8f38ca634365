import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { acceptInvitation, invitedUser } from "@/lib/admin/invitations";
import { passwordSchema } from "@/lib/admin/users";
import { publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const params = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "not an invitation link") });

/** Who the link is for (so the page can greet them), while it is good. */
export const GET = publicRoute({ params }, async ({ params }) => {
  const user = await invitedUser(params.token);
  return { email: user.email, name: user.name };
});

/** Sets the password through the link; then the person signs in as anyone does. */
export const POST = publicRoute(
  { params, body: z.object({ name: z.string().trim().min(1).max(100).optional(), password: passwordSchema }) },
  async ({ params, body, address }) => {
    const user = await acceptInvitation(params.token, await hashPassword(body.password), body.name);
    await recordAudit({
      actor: { userId: user.id, email: user.email },
      action: "user.accept-invitation",
      target: user.email,
      outcome: "SUCCESS",
      address,
    });
    return { email: user.email };
  },
);
