"use client";

// Makes an API token: a name, when it stops working, and the most it may do.
import { useState, type FormEvent } from "react";
import type { EndpointRole } from "@/lib/rbac/actions";
import { api, ApiError } from "@/lib/client/api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input, Select } from "../ui/field";
import { CEILING_CHOICES, EXPIRY_CHOICES } from "./token-choices";

export function CreateTokenForm({ onCreated }: { onCreated(token: string): void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const expiry = String(form.get("expiry"));
    const ceiling = String(form.get("ceiling"));
    setError(null);
    setBusy(true);
    try {
      const { token } = await api<{ token: string }>("/api/account/tokens", {
        body: {
          name: form.get("name"),
          expiresInDays: expiry === "never" ? null : Number(expiry),
          ceiling: ceiling === "none" ? null : (ceiling as EndpointRole),
        },
      });
      formElement.reset();
      onCreated(token);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "could not create the token");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="New API token">
      {error ? <Alert>{error}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Token name" hint="What will use it, e.g. “CI deploys”.">
          <Input name="name" required maxLength={100} />
        </Field>
        <Field label="Expires after">
          <Select name="expiry" defaultValue="30">
            {EXPIRY_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Access" hint="Never more than your own access.">
          <Select name="ceiling" defaultValue="VIEWER">
            {CEILING_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Button variant="primary" type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create token"}
      </Button>
    </form>
  );
}
