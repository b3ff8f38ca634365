import { accessChangeRoute } from "@/lib/admin/access-change-route";
import { deleteGrant, grantIdParams, grantScopeWords } from "@/lib/admin/grants";

export const dynamic = "force-dynamic";

export const DELETE = accessChangeRoute(
  { params: grantIdParams, audit: ({ params }) => ({ action: "grant.delete", target: params.grantId }) },
  async ({ params }, audit) => {
    const grant = await deleteGrant(params.grantId);
    audit.detail({
      role: grant.role,
      on: grantScopeWords(grant),
      to: grant.user?.email ?? `team ${grant.team?.name ?? "?"}`,
    });
  },
);
