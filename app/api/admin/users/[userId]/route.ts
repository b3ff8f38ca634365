import { accessChangeRoute } from "@/lib/admin/access-change-route";
import { effectiveAccess } from "@/lib/admin/effective-access";
import { deleteUser, getUser, updateUser, updateUserSchema, userIdParams } from "@/lib/admin/users";

export const dynamic = "force-dynamic";

export const GET = accessChangeRoute({ params: userIdParams }, async ({ params }) => ({
  user: await getUser(params.userId),
  access: await effectiveAccess(params.userId),
}));

export const PATCH = accessChangeRoute(
  {
    params: userIdParams,
    body: updateUserSchema,
    audit: ({ params }) => ({ action: "user.update", target: params.userId }),
  },
  async ({ params, body }, audit) => {
    audit.detail({ change: body });
    return { user: await updateUser(params.userId, body) };
  },
);

export const DELETE = accessChangeRoute(
  { params: userIdParams, audit: ({ params }) => ({ action: "user.delete", target: params.userId }) },
  async ({ params, subject }, audit) => {
    const user = await getUser(params.userId);
    audit.detail({ email: user.email });
    await deleteUser(params.userId, subject.userId);
  },
);
