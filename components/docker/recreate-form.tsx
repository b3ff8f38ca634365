"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api } from "@/lib/client/api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input, TextArea } from "../ui/field";

// Recreate with a new image tag and/or changed environment ("NAME=value" sets, "NAME=" with
// nothing after removes).
export function RecreateForm({
  endpointId,
  containerId,
  image,
}: {
  endpointId: string;
  containerId: string;
  image: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const env = Object.fromEntries(
      String(f.get("env") ?? "")
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => {
          const i = l.indexOf("=");
          const name = i < 0 ? l : l.slice(0, i);
          const value = i < 0 ? "" : l.slice(i + 1);
          return [name, value === "" ? null : value];
        }),
    );
    setBusy(true);
    setError(null);
    try {
      const { id } = await api<{ id: string }>(
        `/api/endpoints/${endpointId}/docker/containers/${containerId}/recreate`,
        {
          body: { image: String(f.get("image")) || undefined, env },
        },
      );
      router.push(`/endpoints/${endpointId}/containers/${id}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-line bg-panel p-4">
      <h2 className="font-semibold">Recreate</h2>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Image">
        <Input name="image" defaultValue={image} />
      </Field>
      <Field
        label="Environment changes"
        hint="One NAME=value per line to set; NAME= to remove. Others stay as they are."
      >
        <TextArea name="env" rows={3} />
      </Field>
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? "Recreating…" : "Recreate container"}
      </Button>
    </form>
  );
}
