"use client";

// The person's API tokens: what each may do, when it was last used, and a revoke button that asks
// first (revoking is immediate and cannot be undone).
import { useState } from "react";
import type { TokenView } from "@/lib/account/tokens";
import { api, ApiError } from "@/lib/client/api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ceilingLabel } from "./token-choices";
import { When } from "./when";

const HEADINGS = ["Name", "Access", "Created", "Expires", "Last used", ""];

export function TokenList({ tokens, onChange }: { tokens: TokenView[]; onChange(): void }) {
  const [error, setError] = useState<string | null>(null);
  if (tokens.length === 0) return <p className="text-muted">No API tokens yet.</p>;

  const revoke = async (token: TokenView) => {
    setError(null);
    try {
      await api(`/api/account/tokens/${encodeURIComponent(token.id)}`, { method: "DELETE" });
      onChange();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "could not revoke the token");
    }
  };

  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <div className="overflow-x-auto rounded-lg border border-line bg-panel">
        <table className="w-full text-left">
          <caption className="sr-only">API tokens</caption>
          <thead className="border-b border-line text-xs uppercase text-muted">
            <tr>
              {HEADINGS.map((h, i) => (
                <th key={i} className="px-3 py-2 font-medium">
                  {h || <span className="sr-only">Actions</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className="border-b border-line last:border-0" data-testid={`token-row-${t.name}`}>
                <td className="px-3 py-2 font-medium">{t.name}</td>
                <td className="px-3 py-2">{ceilingLabel(t.ceiling)}</td>
                <td className="px-3 py-2">
                  <When iso={t.createdAt} />
                </td>
                <td className="px-3 py-2">
                  <When iso={t.expiresAt} />
                </td>
                <td className="px-3 py-2">
                  <When iso={t.lastUsedAt} />
                </td>
                <td className="px-3 py-2 text-right">
                  <ConfirmDialog
                    title={`Revoke token ${t.name}?`}
                    description="Whatever uses it is refused from its next request on. This cannot be undone."
                    confirmLabel="Revoke"
                    destructive
                    onConfirm={() => void revoke(t)}
                  >
                    <Button variant="danger">Revoke</Button>
                  </ConfirmDialog>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
