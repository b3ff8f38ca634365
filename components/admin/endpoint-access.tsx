// Who may use an endpoint (administrators see this on its page): every grant that reaches it —
// on it, on one of its tags, or on all endpoints — to a person or a team.
import Link from "next/link";
import { listGrants } from "@/lib/admin/grants";

export async function EndpointAccess({ endpointId }: { endpointId: string }) {
  const grants = await listGrants({ endpointId });
  return (
    <section aria-labelledby="endpoint-access" className="space-y-2 rounded-lg border border-line bg-panel p-4">
      <h2 id="endpoint-access" className="font-semibold">
        Who has access
      </h2>
      <p className="text-muted">Administrators, and:</p>
      {grants.length ? (
        <ul className="space-y-1" data-testid="endpoint-access">
          {grants.map((g) => (
            <li key={g.id}>
              {g.user ? (
                <Link href={`/admin/users/${g.user.id}`} className="text-accent hover:underline">
                  {g.user.email}
                </Link>
              ) : (
                <Link href={`/admin/teams/${g.team!.id}`} className="text-accent hover:underline">
                  team {g.team!.name}
                </Link>
              )}{" "}
              — {g.role}
              {g.namespaces.length ? ` in ${g.namespaces.join(", ")}` : ""}
              <span className="text-muted">
                {g.endpoint ? "" : g.endpointTag ? ` (tag ${g.endpointTag})` : " (every endpoint)"}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">nobody else.</p>
      )}
    </section>
  );
}
