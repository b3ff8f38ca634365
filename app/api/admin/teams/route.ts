import { accessChangeRoute } from "@/lib/admin/access-change-route";
import { createTeam, listTeams, teamNameSchema } from "@/lib/admin/teams";

export const dynamic = "force-dynamic";

export const GET = accessChangeRoute({}, async () => ({ teams: await listTeams() }));

export const POST = accessChangeRoute(
  { body: teamNameSchema, audit: ({ body }) => ({ action: "team.create", target: body.name }) },
  async ({ body }) => Response.json({ team: await createTeam(body.name) }, { status: 201 }),
);
