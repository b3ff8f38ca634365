"use client";

// What an administrator can do to one person: make or unmake administrator, disable or enable,
// hand a new one-time sign-in link (password reset), set a password, delete.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { UserRow } from "@/lib/admin/users";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Input } from "../ui/field";
import { OneTimeLink } from "./one-time-link";
import { useAdminCall } from "./use-admin-call";

/** `passwords`: local accounts are on; otherwise no links or passwords are offered. */
export function UserActions({ user, self, passwords }: { user: UserRow; self: boolean; passwords: boolean }) {
  const router = useRouter();
  const { call, busy } = useAdminCall();
  const [link, setLink] = useState<{ path: string; expiresAt: string } | null>(null);
  const patch = (body: object, done: string) => call(`/api/admin/users/${user.id}`, { method: "PATCH", body }, done);

  async function setPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const password = new FormData(formElement).get("password");
    if (await call(`/api/admin/users/${user.id}/password`, { method: "PUT", body: { password } }, "Password set"))
      formElement.reset();
  }

  return (
    <section aria-labelledby="user-actions" className="space-y-3 rounded-lg border border-line bg-panel p-4">
      <h2 id="user-actions" className="font-semibold">
        Account
      </h2>
      <div className="flex flex-wrap gap-2">
        <Button disabled={busy} onClick={() => void patch({ isAdmin: !user.isAdmin }, "Saved")}>
          {user.isAdmin ? "Make regular user" : "Make administrator"}
        </Button>
        {user.disabled ? (
          <Button disabled={busy} onClick={() => void patch({ disabled: false }, `${user.email} enabled`)}>
            Enable
          </Button>
        ) : (
          <ConfirmDialog
            title={`Disable ${user.email}?`}
            description="Their sessions, open pages and API tokens stop working at once."
            confirmLabel="Disable"
            destructive
            onConfirm={() => void patch({ disabled: true }, `${user.email} disabled`)}
          >
            <Button disabled={busy || self}>Disable</Button>
          </ConfirmDialog>
        )}
        {passwords ? (
          <Button
            disabled={busy}
            onClick={() =>
              void call<{ path: string; expiresAt: string }>(
                `/api/admin/users/${user.id}/invitation`,
                { method: "POST" },
                "New sign-in link made",
              ).then((made) => made && setLink(made))
            }
          >
            {user.invited ? "New invitation link" : "Password reset link"}
          </Button>
        ) : null}
        <ConfirmDialog
          title={`Delete ${user.email}?`}
          description="Their API tokens, sessions, team memberships and grants go with them. The audit log keeps their email."
          confirmLabel="Delete"
          destructive
          onConfirm={() =>
            void call(`/api/admin/users/${user.id}`, { method: "DELETE" }, `${user.email} deleted`).then(
              (done) => done !== null && router.push("/admin/users"),
            )
          }
        >
          <Button variant="danger" disabled={busy || self}>
            Delete
          </Button>
        </ConfirmDialog>
      </div>
      {link ? <OneTimeLink {...link} /> : null}
      {passwords ? (
        <form onSubmit={setPassword} className="flex max-w-md gap-2" aria-label="Set a password">
          <Input
            name="password"
            type="password"
            autoComplete="new-password"
            placeholder="New password"
            required
            aria-label="New password"
          />
          <Button type="submit" disabled={busy}>
            Set password
          </Button>
        </form>
      ) : null}
    </section>
  );
}
