import { notFound } from "next/navigation";
import { grantChoices } from "@/lib/admin/grant-choices";
import { listGrants } from "@/lib/admin/grants";
import { getTeam } from "@/lib/admin/teams";
import { listUsers } from "@/lib/admin/users";
import { requirePageAdmin } from "@/lib/auth/page-admin";
import { GrantForm } from "@/components/admin/grant-form";
import { GrantList } from "@/components/admin/grant-list";
import { TeamMembers } from "@/components/admin/team-members";
import { DeleteTeamButton } from "@/components/admin/delete-team-button";

export const dynamic = "force-dynamic";

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  await requirePageAdmin();
  const { teamId } = await params;
  const team = await getTeam(teamId).catch(() => notFound());
  const [grants, people, choices] = await Promise.all([listGrants({ teamId }), listUsers(), grantChoices()]);
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h1 className="flex-1 text-xl font-semibold">Team {team.name}</h1>
        <DeleteTeamButton team={{ id: team.id, name: team.name }} />
      </div>
      <section aria-labelledby="members" className="space-y-3 rounded-lg border border-line bg-panel p-4">
        <h2 id="members" className="font-semibold">
          Members
        </h2>
        <TeamMembers team={team} people={people.map(({ id, email }) => ({ id, email }))} mayChooseLeaders />
      </section>
      <section aria-labelledby="grants" className="space-y-3 rounded-lg border border-line bg-panel p-4">
        <h2 id="grants" className="font-semibold">
          Access of every member
        </h2>
        <GrantList grants={grants} show="reach" />
        <GrantForm to={{ teamId }} {...choices} />
      </section>
    </div>
  );
}
