"use client";

// The person's signed-in sessions, and the ways to end them. Ending takes effect at once: the
// server refuses the session's cookie and closes its open tabs' sockets.
import { signOut } from "next-auth/react";
import { useState } from "react";
import type { SessionView } from "@/lib/account/sessions";
import { api, ApiError } from "@/lib/client/api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { SessionTable } from "./session-table";

export function SessionList({ sessions, onChange }: { sessions: SessionView[]; onChange(): void }) {
  const [error, setError] = useState<string | null>(null);
  const others = sessions.filter((s) => !s.current).length;

  const end = async (path: string, then?: () => Promise<void>) => {
    setError(null);
    try {
      await api(path, { method: "DELETE" });
      if (then) await then();
      else onChange();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "could not sign out that session");
    }
  };

  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <SessionTable
        sessions={sessions}
        caption="Signed-in sessions"
        rowAction={(s) =>
          s.current ? (
            <span className="rounded bg-accent/15 px-2 py-0.5 text-xs font-medium">This one</span>
          ) : (
            <Button onClick={() => void end(`/api/account/sessions/${encodeURIComponent(s.id)}`)}>Sign out</Button>
          )
        }
      />
      <div className="flex flex-wrap gap-2">
        <Button disabled={others === 0} onClick={() => void end("/api/account/sessions?scope=others")}>
          Sign out everywhere else
        </Button>
        <ConfirmDialog
          title="Sign out everywhere?"
          description="Every session ends, this one too: you will sign in again here."
          confirmLabel="Sign out everywhere"
          destructive
          onConfirm={() =>
            void end("/api/account/sessions?scope=all", () => signOut({ callbackUrl: "/login" }).then(() => {}))
          }
        >
          <Button variant="danger">Sign out everywhere</Button>
        </ConfirmDialog>
      </div>
    </div>
  );
}
