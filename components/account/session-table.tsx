// Signed-in sessions as a table (browser, address, since, last seen), with what may be done to each
// row: the account page ends them one by one, an administrator's view of someone only reads them.
import type { ReactNode } from "react";
import type { SessionView } from "@/lib/account/sessions";
import { When } from "./when";

export function SessionTable({
  sessions,
  caption,
  rowAction,
}: {
  sessions: SessionView[];
  caption: string;
  rowAction?: (session: SessionView) => ReactNode;
}) {
  const headings = ["Browser", "Address", "Signed in", "Last seen"];
  if (sessions.length === 0) return <p className="text-muted">No open sessions.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-panel">
      <table className="w-full text-left">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line text-xs uppercase text-muted">
          <tr>
            {headings.map((h) => (
              <th key={h} className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
            {rowAction ? (
              <th className="px-3 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id} className="border-b border-line last:border-0" data-testid="session-row">
              <td className="px-3 py-2">{s.browser}</td>
              <td className="px-3 py-2 font-mono text-xs">{s.address ?? "unknown"}</td>
              <td className="px-3 py-2">
                <When iso={s.createdAt} />
              </td>
              <td className="px-3 py-2">
                <When iso={s.lastSeenAt} />
              </td>
              {rowAction ? <td className="px-3 py-2 text-right">{rowAction(s)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
