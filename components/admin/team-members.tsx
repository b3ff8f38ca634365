"use client";

// A team's members: add someone, remove someone, and (administrators only) choose its leaders.
import type { FormEvent } from "react";
import type { TeamRow } from "@/lib/admin/teams";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Select } from "../ui/field";
import { useAdminCall } from "./use-admin-call";

export function TeamMembers(props: {
  team: TeamRow;
  people: { id: string; email: string }[];
  mayChooseLeaders: boolean;
}) {
  const { team } = props;
  const { call, busy } = useAdminCall();
  const members = `/api/admin/teams/${team.id}/members`;
  const outside = props.people.filter((p) => !team.members.some((m) => m.id === p.id));

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const userId = String(new FormData(event.currentTarget).get("userId"));
    const who = props.people.find((p) => p.id === userId)?.email ?? "them";
    await call(members, { method: "PUT", body: { userId, leader: false } }, `Added ${who}`);
  }

  return (
    <div className="space-y-3">
      {team.members.length ? (
        <ul className="divide-y divide-line" aria-label="Members">
          {team.members.map((m) => (
            <li key={m.id} className="flex items-center gap-3 py-2" data-testid={`member-${m.email}`}>
              <span className="flex-1">
                {m.name} · {m.email}
                {m.leader ? " · leader" : ""}
                {m.disabled ? " · disabled" : ""}
              </span>
              {props.mayChooseLeaders ? (
                <Button
                  disabled={busy}
                  onClick={() =>
                    void call(members, { method: "PUT", body: { userId: m.id, leader: !m.leader } }, "Saved")
                  }
                >
                  {m.leader ? "Not leader" : "Make leader"}
                </Button>
              ) : null}
              <ConfirmDialog
                title={`Remove ${m.email} from ${team.name}?`}
                description="They lose the team's access at once."
                confirmLabel="Remove"
                destructive
                onConfirm={() => void call(`${members}/${m.id}`, { method: "DELETE" }, `Removed ${m.email}`)}
              >
                <Button disabled={busy} aria-label={`Remove ${m.email}`}>
                  Remove
                </Button>
              </ConfirmDialog>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">No members yet.</p>
      )}
      {outside.length ? (
        <form onSubmit={add} className="flex items-end gap-2" aria-label="Add a member">
          <label className="space-y-1">
            <span className="block font-medium">Add a member</span>
            <Select name="userId">
              {outside.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.email}
                </option>
              ))}
            </Select>
          </label>
          <Button variant="primary" type="submit" disabled={busy}>
            Add
          </Button>
        </form>
      ) : null}
    </div>
  );
}
