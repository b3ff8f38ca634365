import { createFirstAdmin, firstAdminSchema, needsSetup } from "@/lib/auth/setup";
import { publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = publicRoute({}, async () => ({ needsSetup: await needsSetup() }));

export const POST = publicRoute({ body: firstAdminSchema }, async ({ body, address }) => {
  const user = await createFirstAdmin(body, address);
  return Response.json({ id: user.id, email: user.email }, { status: 201 });
});
