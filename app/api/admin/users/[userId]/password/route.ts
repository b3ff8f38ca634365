import { z } from "zod";
import { accessChangeRoute } from "@/lib/admin/access-change-route";
import { passwordSchema, setPassword, userIdParams } from "@/lib/admin/users";

export const dynamic = "force-dynamic";

export const PUT = accessChangeRoute(
  {
    params: userIdParams,
    body: z.object({ password: passwordSchema }),
    audit: ({ params }) => ({ action: "user.password", target: params.userId }),
  },
  async ({ params, body }) => {
    await setPassword(params.userId, body.password);
  },
);
