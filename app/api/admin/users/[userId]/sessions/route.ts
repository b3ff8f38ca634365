import { accessChangeRoute } from "@/lib/admin/access-change-route";
import { endUserSessions, listUserSessions } from "@/lib/admin/user-sessions";
import { userIdParams } from "@/lib/admin/users";

export const dynamic = "force-dynamic";

// GET …/sessions: the person's open sessions (browser, address, when).
export const GET = accessChangeRoute({ params: userIdParams }, async ({ params }) => ({
  sessions: await listUserSessions(params.userId),
}));

// DELETE …/sessions: signs the person out everywhere; their open tabs' sockets end at once.
export const DELETE = accessChangeRoute(
  { params: userIdParams, audit: ({ params }) => ({ action: "user.signout", target: params.userId }) },
  async ({ params }, audit) => {
    const result = await endUserSessions(params.userId);
    audit.detail(result);
    return result;
  },
);
