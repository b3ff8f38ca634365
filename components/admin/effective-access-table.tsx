// A person's resulting access per endpoint and the grants behind it.
import type { EffectiveAccess } from "@/lib/admin/effective-access";

export function EffectiveAccessTable({ access }: { access: EffectiveAccess }) {
  if (!access.endpoints.length) return <p className="text-muted">No access to any endpoint.</p>;
  return (
    <div className="overflow-x-auto" role="region" aria-label="Effective access" tabIndex={0}>
      <table className="w-full text-left">
        <thead className="text-xs uppercase text-muted">
          <tr>
            <th className="px-3 py-2">Endpoint</th>
            <th className="px-3 py-2">Role</th>
            <th className="px-3 py-2">Namespaces</th>
            <th className="px-3 py-2">Because</th>
          </tr>
        </thead>
        <tbody>
          {access.endpoints.map((e) => (
            <tr key={e.id} className="border-t border-line align-top" data-testid={`access-${e.name}`}>
              <td className="px-3 py-2">{e.name}</td>
              <td className="px-3 py-2 font-medium">{e.role}</td>
              <td className="px-3 py-2">
                {e.kind === "DOCKER" ? "—" : e.namespaces === "all" ? "all" : e.namespaces.join(", ")}
              </td>
              <td className="px-3 py-2 text-muted">
                <ul>
                  {e.because.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
