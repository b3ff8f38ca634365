"use client";

// Change one's own password: the current one, the new one twice. The server checks the length and
// the list of common passwords, and signs out every other session.
import { useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";

export function ChangePasswordForm({ minLength, onChanged }: { minLength: number; onChanged(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(null);
    setDone(null);
    if (form.get("newPassword") !== form.get("confirmPassword")) {
      setError("the two new passwords differ");
      return;
    }
    setBusy(true);
    try {
      const { endedSessions } = await api<{ endedSessions: number }>("/api/account/password", {
        body: { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") },
      });
      formElement.reset();
      setDone(
        `Password changed.${endedSessions ? ` Signed out ${endedSessions} other session${endedSessions === 1 ? "" : "s"}.` : ""}`,
      );
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "could not change the password");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="max-w-md space-y-3" aria-label="Change password">
      {error ? <Alert>{error}</Alert> : null}
      {done ? <Alert tone="ok">{done}</Alert> : null}
      <Field label="Current password">
        <Input name="currentPassword" type="password" autoComplete="current-password" required />
      </Field>
      <Field label="New password" hint={`At least ${minLength} characters, and not a commonly used password.`}>
        <Input name="newPassword" type="password" autoComplete="new-password" required minLength={minLength} />
      </Field>
      <Field label="Confirm new password">
        <Input name="confirmPassword" type="password" autoComplete="new-password" required minLength={minLength} />
      </Field>
      <Button variant="primary" type="submit" disabled={busy}>
        {busy ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
