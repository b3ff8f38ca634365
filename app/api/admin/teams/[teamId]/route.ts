import { accessChangeRoute } from "@/lib/admin/access-change-route";
import { deleteTeam, getTeam, leads, renameTeam, teamIdParams, teamNameSchema } from "@/lib/admin/teams";

export const dynamic = "force-dynamic";

export const GET = accessChangeRoute(
  { params: teamIdParams, allow: ({ subject, params }) => leads(subject, params.teamId) },
  async ({ params }) => ({ team: await getTeam(params.teamId) }),
);

export const PATCH = accessChangeRoute(
  {
    params: teamIdParams,
    body: teamNameSchema,
    audit: ({ params, body }) => ({ action: "team.rename", target: `${params.teamId} → ${body.name}` }),
  },
  async ({ params, body }) => ({ team: await renameTeam(params.teamId, body.name) }),
);

export const DELETE = accessChangeRoute(
  { params: teamIdParams, audit: ({ params }) => ({ action: "team.delete", target: params.teamId }) },
  async ({ params }) => {
    await deleteTeam(params.teamId);
  },
);
