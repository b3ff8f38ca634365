"use client";

// Gives a user or a team a role on one endpoint, on every endpoint with a tag, or on all of them,
// optionally limited to Kubernetes namespaces.
import { useState, type FormEvent } from "react";
import { Button } from "../ui/button";
import { Field, Input, Select } from "../ui/field";
import { useAdminCall } from "./use-admin-call";

export interface EndpointChoice {
  id: string;
  name: string;
  kind: "DOCKER" | "KUBERNETES";
}

export function GrantForm(props: {
  to: { userId: string } | { teamId: string };
  endpoints: EndpointChoice[];
  tags: string[];
}) {
  const { call, busy } = useAdminCall();
  const [on, setOn] = useState("all");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [kind, value] = String(form.get("on")).split(":", 2) as [string, string | undefined];
    const namespaces = String(form.get("namespaces") ?? "")
      .split(/[\s,]+/)
      .filter(Boolean);
    await call(
      "/api/admin/grants",
      {
        body: {
          ...props.to,
          ...(kind === "endpoint"
            ? { endpointId: value }
            : kind === "tag"
              ? { endpointTag: value }
              : { allEndpoints: true }),
          role: form.get("role"),
          namespaces,
        },
      },
      "Access granted",
    );
  }

  const docker = props.endpoints.find((e) => `endpoint:${e.id}` === on)?.kind === "DOCKER";
  return (
    <form onSubmit={submit} className="grid items-end gap-3 sm:grid-cols-4" aria-label="Grant access">
      <Field label="On">
        <Select name="on" value={on} onChange={(e) => setOn(e.target.value)}>
          <option value="all">Every endpoint</option>
          {props.tags.map((t) => (
            <option key={t} value={`tag:${t}`}>
              Endpoints tagged {t}
            </option>
          ))}
          {props.endpoints.map((e) => (
            <option key={e.id} value={`endpoint:${e.id}`}>
              {e.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Role">
        <Select name="role" defaultValue="VIEWER">
          <option value="VIEWER">Viewer (read, logs)</option>
          <option value="OPERATOR">Operator (+ start, stop, shell)</option>
          <option value="ENDPOINT_ADMIN">Endpoint admin (+ create, delete, secrets)</option>
        </Select>
      </Field>
      <Field label="Namespaces" hint="Kubernetes only; empty: all.">
        <Input name="namespaces" placeholder="team-a, team-b" disabled={docker} />
      </Field>
      <div>
        <Button variant="primary" type="submit" disabled={busy}>
          Grant
        </Button>
      </div>
    </form>
  );
}
