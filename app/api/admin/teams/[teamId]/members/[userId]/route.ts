import { accessChangeRoute } from "@/lib/admin/access-change-route";
import { leads, memberParams, removeMember } from "@/lib/admin/teams";

export const dynamic = "force-dynamic";

export const DELETE = accessChangeRoute(
  {
    params: memberParams,
    allow: ({ subject, params }) => leads(subject, params.teamId),
    audit: ({ params }) => ({ action: "team.member.remove", target: `${params.teamId}/${params.userId}` }),
  },
  async ({ params }) => ({ team: await removeMember(params.teamId, params.userId) }),
);
