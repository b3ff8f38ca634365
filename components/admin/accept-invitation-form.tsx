"use client";

// The invited person chooses their name and password, then is signed in straight away.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";

export function AcceptInvitationForm(props: { token: string; email: string; name: string; minLength: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password"));
    if (password !== form.get("confirm")) return setError("the two passwords differ");
    setBusy(true);
    setError(null);
    try {
      await api(`/api/invitations/${props.token}`, { body: { name: form.get("name"), password } });
      await signIn("credentials", { email: props.email, password, redirect: false });
      router.replace("/");
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "could not reach the server");
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-line bg-panel p-5">
      <p className="text-muted">
        Choose a password for <strong className="text-ink">{props.email}</strong>.
      </p>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Name">
        <Input name="name" defaultValue={props.name} autoComplete="name" required />
      </Field>
      <Field label="Password" hint={`At least ${props.minLength} characters.`}>
        <Input name="password" type="password" autoComplete="new-password" minLength={props.minLength} required />
      </Field>
      <Field label="Confirm password">
        <Input name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      <Button variant="primary" type="submit" disabled={busy} className="w-full justify-center">
        {busy ? "Saving…" : "Set password and sign in"}
      </Button>
    </form>
  );
}
