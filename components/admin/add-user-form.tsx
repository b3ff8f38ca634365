"use client";

// Adds a person: with a password set now, or (by default) with a one-time link to hand over. With
// local accounts off, just the account: their first single sign-on links it by verified email.
import { useState, type FormEvent } from "react";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";
import { OneTimeLink } from "./one-time-link";
import { useAdminCall } from "./use-admin-call";

export function AddUserForm({ passwords }: { passwords: boolean }) {
  const { call, busy } = useAdminCall();
  const [link, setLink] = useState<{ path: string; expiresAt: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const password = String(form.get("password") ?? "");
    const created = await call<{ invitation: { path: string; expiresAt: string } | null }>(
      "/api/admin/users",
      {
        body: {
          email: form.get("email"),
          name: form.get("name"),
          isAdmin: form.get("isAdmin") === "on",
          ...(password ? { password } : {}),
        },
      },
      `Added ${String(form.get("email"))}`,
    );
    if (!created) return;
    setLink(created.invitation);
    formElement.reset();
  }

  return (
    <section aria-labelledby="add-user" className="space-y-3 rounded-lg border border-line bg-panel p-4">
      <h2 id="add-user" className="font-semibold">
        Add a person
      </h2>
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
        <Field label="Email">
          <Input name="email" type="email" required />
        </Field>
        <Field label="Name">
          <Input name="name" required />
        </Field>
        {passwords ? (
          <Field label="Password" hint="Leave empty to get a one-time link the person uses to choose their own.">
            <Input name="password" type="password" autoComplete="new-password" />
          </Field>
        ) : (
          <p className="self-end pb-2 text-muted">They sign in by single sign-on with this email address.</p>
        )}
        <label className="flex items-center gap-2 self-end pb-2">
          <input type="checkbox" name="isAdmin" /> Administrator (manages everything)
        </label>
        <div>
          <Button variant="primary" type="submit" disabled={busy}>
            Add person
          </Button>
        </div>
      </form>
      {link ? <OneTimeLink {...link} /> : null}
    </section>
  );
}
