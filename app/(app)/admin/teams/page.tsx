import Link from "next/link";
import { listTeams } from "@/lib/admin/teams";
import { requirePageAdmin } from "@/lib/auth/page-admin";
import { AddTeamForm } from "@/components/admin/add-team-form";

export const dynamic = "force-dynamic";

export default async function TeamsPage() {
  await requirePageAdmin();
  const teams = await listTeams();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Teams</h1>
      <div className="rounded-lg border border-line bg-panel p-4">
        <AddTeamForm />
      </div>
      {teams.length ? (
        <ul className="divide-y divide-line rounded-lg border border-line bg-panel" aria-label="Teams">
          {teams.map((t) => (
            <li key={t.id} className="flex gap-3 px-4 py-2">
              <Link href={`/admin/teams/${t.id}`} className="font-medium text-accent hover:underline">
                {t.name}
              </Link>
              <span className="text-muted">
                {t.members.length} members · {t.grants} grants
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">No teams yet. A team gives its members the same access in one place.</p>
      )}
    </div>
  );
}
