"use client";

import type { FormEvent } from "react";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";
import { useAdminCall } from "./use-admin-call";

export function AddTeamForm() {
  const { call, busy } = useAdminCall();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const name = String(new FormData(formElement).get("name"));
    if (await call("/api/admin/teams", { body: { name } }, `Team ${name} created`)) formElement.reset();
  }
  return (
    <form onSubmit={submit} className="flex items-end gap-2" aria-label="Create a team">
      <Field label="New team">
        <Input name="name" required />
      </Field>
      <Button variant="primary" type="submit" disabled={busy}>
        Create team
      </Button>
    </form>
  );
}
