import Link from "next/link";
import { listUsers } from "@/lib/admin/users";
import { localAccountsEnabled } from "@/lib/auth/local-accounts";
import { requirePageAdmin } from "@/lib/auth/page-admin";
import { AddUserForm } from "@/components/admin/add-user-form";

export const dynamic = "force-dynamic";

export default async function UsersPage() {
  await requirePageAdmin();
  const users = await listUsers();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">People</h1>
      <AddUserForm passwords={localAccountsEnabled()} />
      <div
        className="overflow-x-auto rounded-lg border border-line bg-panel"
        role="region"
        aria-label="People"
        tabIndex={0}
      >
        <table className="w-full text-left">
          <thead className="text-xs uppercase text-muted">
            <tr>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Email</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2">Teams</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-line" data-testid={`user-row-${u.email}`}>
                <td className="px-3 py-2">
                  <Link href={`/admin/users/${u.id}`} className="font-medium text-accent hover:underline">
                    {u.name}
                  </Link>
                </td>
                <td className="px-3 py-2">{u.email}</td>
                <td className="px-3 py-2">
                  {[
                    u.isAdmin ? "administrator" : null,
                    u.disabled ? "disabled" : null,
                    u.invited ? "invited" : null,
                    u.sso ? "single sign-on" : null,
                  ]
                    .filter(Boolean)
                    .join(", ") || "active"}
                </td>
                <td className="px-3 py-2">{u.teams.map((t) => t.name).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
