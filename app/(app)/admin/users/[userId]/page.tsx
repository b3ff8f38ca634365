import { notFound } from "next/navigation";
import { effectiveAccess } from "@/lib/admin/effective-access";
import { grantChoices } from "@/lib/admin/grant-choices";
import { listGrants } from "@/lib/admin/grants";
import { listUserSessions } from "@/lib/admin/user-sessions";
import { getUser } from "@/lib/admin/users";
import { localAccountsEnabled } from "@/lib/auth/local-accounts";
import { requirePageAdmin } from "@/lib/auth/page-admin";
import { EffectiveAccessTable } from "@/components/admin/effective-access-table";
import { GrantForm } from "@/components/admin/grant-form";
import { GrantList } from "@/components/admin/grant-list";
import { UserActions } from "@/components/admin/user-actions";
import { UserSessions } from "@/components/admin/user-sessions";

export const dynamic = "force-dynamic";

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const admin = await requirePageAdmin();
  const { userId } = await params;
  const user = await getUser(userId).catch(() => notFound());
  const [access, grants, choices, sessions] = await Promise.all([
    effectiveAccess(userId),
    listGrants({ userId }),
    grantChoices(),
    listUserSessions(userId),
  ]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{user.name}</h1>
        <p className="text-muted">
          {user.email}
          {user.isAdmin ? " · administrator" : ""}
          {user.disabled ? " · disabled" : ""}
          {user.invited ? " · invited, not signed up yet" : ""}
          {user.teams.length
            ? ` · teams: ${user.teams.map((t) => t.name + (t.leader ? " (leader)" : "")).join(", ")}`
            : ""}
        </p>
      </div>
      <UserActions user={user} self={user.id === admin.userId} passwords={localAccountsEnabled()} />
      <section aria-labelledby="grants" className="space-y-3 rounded-lg border border-line bg-panel p-4">
        <h2 id="grants" className="font-semibold">
          Own grants
        </h2>
        <GrantList grants={grants} show="reach" />
        <GrantForm to={{ userId }} {...choices} />
      </section>
      <section aria-labelledby="effective" className="space-y-3 rounded-lg border border-line bg-panel p-4">
        <h2 id="effective" className="font-semibold">
          Effective access
        </h2>
        <p className="text-muted">What {user.name} may do on each endpoint, with their teams&apos; grants counted.</p>
        {access ? <EffectiveAccessTable access={access} /> : null}
      </section>
      <section aria-labelledby="sessions" className="space-y-3 rounded-lg border border-line bg-panel p-4">
        <h2 id="sessions" className="font-semibold">
          Sessions
        </h2>
        <UserSessions userId={userId} name={user.name} sessions={sessions} />
      </section>
    </div>
  );
}
