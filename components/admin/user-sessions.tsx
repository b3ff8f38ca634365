"use client";

// A person's open sessions on their administration page, and "sign out everywhere" for them.
import type { SessionView } from "@/lib/account/sessions";
import { SessionTable } from "../account/session-table";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useAdminCall } from "./use-admin-call";

export function UserSessions({ userId, name, sessions }: { userId: string; name: string; sessions: SessionView[] }) {
  const { call, busy } = useAdminCall();
  return (
    <div className="space-y-3">
      <SessionTable sessions={sessions} caption={`${name}'s signed-in sessions`} />
      <ConfirmDialog
        title={`Sign ${name} out everywhere?`}
        description="Every session ends at once, open tabs included. API tokens keep working: disable the person to stop those too."
        confirmLabel="Sign out everywhere"
        destructive
        onConfirm={() =>
          void call(
            `/api/admin/users/${encodeURIComponent(userId)}/sessions`,
            { method: "DELETE" },
            `${name} is signed out everywhere`,
          )
        }
      >
        <Button variant="danger" disabled={busy || sessions.length === 0}>
          Sign out everywhere
        </Button>
      </ConfirmDialog>
    </div>
  );
}
