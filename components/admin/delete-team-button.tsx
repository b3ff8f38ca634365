"use client";

import { useRouter } from "next/navigation";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useAdminCall } from "./use-admin-call";

export function DeleteTeamButton({ team }: { team: { id: string; name: string } }) {
  const router = useRouter();
  const { call, busy } = useAdminCall();
  return (
    <ConfirmDialog
      title={`Delete team ${team.name}?`}
      description="Its members lose the team's access at once; their own grants stay."
      confirmLabel="Delete"
      destructive
      onConfirm={() =>
        void call(`/api/admin/teams/${team.id}`, { method: "DELETE" }, `Team ${team.name} deleted`).then(
          (done) => done !== null && router.push("/admin/teams"),
        )
      }
    >
      <Button variant="danger" disabled={busy}>
        Delete team
      </Button>
    </ConfirmDialog>
  );
}
