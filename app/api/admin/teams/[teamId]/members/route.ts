import { accessChangeRoute } from "@/lib/admin/access-change-route";
import { leads, memberSchema, setMember, teamIdParams } from "@/lib/admin/teams";
import { forbidden } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Adds a member (or changes whether they lead). A team's leaders may add members, not leaders. */
export const PUT = accessChangeRoute(
  {
    params: teamIdParams,
    body: memberSchema,
    allow: ({ subject, params }) => leads(subject, params.teamId),
    audit: ({ params, body }) => ({ action: "team.member.add", target: `${params.teamId}/${body.userId}` }),
  },
  async ({ params, body, subject }, audit) => {
    if (body.leader && !subject.isAdmin) throw forbidden("only administrators choose a team's leaders");
    audit.detail({ leader: body.leader });
    return { team: await setMember(params.teamId, body.userId, body.leader) };
  },
);
