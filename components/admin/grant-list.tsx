"use client";

// Grants as a list, each with its reach and a remove button (confirmed first).
import type { GrantRow } from "@/lib/admin/grants";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useAdminCall } from "./use-admin-call";

const reach = (g: GrantRow) =>
  g.endpoint ? g.endpoint.name : g.endpointTag ? `endpoints tagged ${g.endpointTag}` : "every endpoint";
const holder = (g: GrantRow) => (g.user ? g.user.email : `team ${g.team?.name ?? "?"}`);

export function GrantList({ grants, show }: { grants: GrantRow[]; show: "reach" | "holder" | "both" }) {
  const { call, busy } = useAdminCall();
  if (!grants.length) return <p className="text-muted">No grants.</p>;
  return (
    <ul className="divide-y divide-line" aria-label="Grants">
      {grants.map((g) => {
        const words = `${g.role} on ${reach(g)}${g.namespaces.length ? ` in ${g.namespaces.join(", ")}` : ""}`;
        const label =
          show === "reach" ? words : show === "holder" ? `${holder(g)}: ${g.role}` : `${holder(g)}: ${words}`;
        return (
          <li key={g.id} className="flex items-center gap-3 py-2" data-testid="grant">
            <span className="flex-1">{label}</span>
            <ConfirmDialog
              title={`Remove ${holder(g)}'s ${g.role} on ${reach(g)}?`}
              description="It takes effect at once, on open pages too."
              confirmLabel="Remove"
              destructive
              onConfirm={() => void call(`/api/admin/grants/${g.id}`, { method: "DELETE" }, "Grant removed")}
            >
              <Button variant="secondary" disabled={busy} aria-label={`Remove grant ${label}`}>
                Remove
              </Button>
            </ConfirmDialog>
          </li>
        );
      })}
    </ul>
  );
}
