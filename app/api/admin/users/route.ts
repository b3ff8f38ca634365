import { accessChangeRoute } from "@/lib/admin/access-change-route";
import { createUser, createUserSchema, listUsers } from "@/lib/admin/users";

export const dynamic = "force-dynamic";

export const GET = accessChangeRoute({}, async () => ({ users: await listUsers() }));

export const POST = accessChangeRoute(
  { body: createUserSchema, audit: ({ body }) => ({ action: "user.create", target: body.email }) },
  async ({ body }, audit) => {
    const { user, invitation } = await createUser(body);
    audit.detail({ isAdmin: body.isAdmin, invited: !!invitation });
    // The link's token is handed to the administrator once; only its hash is kept.
    return Response.json(
      { user, invitation: invitation && { path: `/invite/${invitation.token}`, expiresAt: invitation.expiresAt } },
      { status: 201 },
    );
  },
);
