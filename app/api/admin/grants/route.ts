import { accessChangeRoute } from "@/lib/admin/access-change-route";
import { createGrant, grantInputSchema, grantScopeWords, grantsQuerySchema, listGrants } from "@/lib/admin/grants";

export const dynamic = "force-dynamic";

export const GET = accessChangeRoute({ query: grantsQuerySchema }, async ({ query }) => ({
  grants: await listGrants(query),
}));

export const POST = accessChangeRoute(
  {
    body: grantInputSchema,
    audit: ({ body }) => ({ action: "grant.create", target: body.userId ?? body.teamId ?? "" }),
  },
  async ({ body }, audit) => {
    const grant = await createGrant(body);
    audit.detail({ role: grant.role, on: grantScopeWords(grant), namespaces: grant.namespaces });
    return Response.json({ grant }, { status: 201 });
  },
);
