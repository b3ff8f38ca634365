"use client";

// The audit log's filters. They live in the URL (so a filtered view can be shared): text fields
// apply on Enter or "Apply", pickers at once. The form is re-mounted when the URL changes.
import { usePathname, useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { AUDIT_FILTER_KEYS, AUDIT_OUTCOMES, type AuditFilterParams } from "@/lib/audit/audit-filter";
import { auditQueryString } from "@/lib/client/audit-filter-params";
import { Button } from "../ui/button";
import { Field, Input, Select } from "../ui/field";

export interface AuditChoices {
  endpoints: { id: string; name: string }[];
  teams: { id: string; name: string }[];
}

// <input type="datetime-local"> speaks the browser's local time without a zone; the URL an instant.
function toLocalInput(iso: string | undefined): string {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return "";
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : "");

export function AuditFilterBar({ filter, choices }: { filter: AuditFilterParams; choices: AuditChoices }) {
  const router = useRouter();
  const path = usePathname();
  const go = (next: AuditFilterParams) => {
    const query = auditQueryString(next);
    router.replace(query ? `${path}?${query}` : path, { scroll: false });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: AuditFilterParams = {};
    for (const key of AUDIT_FILTER_KEYS) {
      const value = String(form.get(key) ?? "").trim();
      next[key] = key === "from" || key === "to" ? fromLocalInput(value) : value;
    }
    go(next);
  };
  const applyNow = (event: { currentTarget: HTMLSelectElement | HTMLInputElement }) =>
    event.currentTarget.form?.requestSubmit();

  return (
    <form
      key={auditQueryString(filter)}
      onSubmit={submit}
      role="search"
      aria-label="Audit log filters"
      className="grid gap-3 rounded-lg border border-line bg-panel p-3 text-sm sm:grid-cols-2 lg:grid-cols-4"
    >
      <Field label="Actor">
        <Input name="actor" defaultValue={filter.actor ?? ""} placeholder="part of an email" />
      </Field>
      <Field label="Team">
        <Select name="team" defaultValue={filter.team ?? ""} onChange={applyNow}>
          <option value="">Any team</option>
          {choices.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Endpoint">
        <Select name="endpointId" defaultValue={filter.endpointId ?? ""} onChange={applyNow}>
          <option value="">Any endpoint</option>
          {choices.endpoints.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Action">
        <Input name="action" defaultValue={filter.action ?? ""} placeholder="e.g. container." />
      </Field>
      <Field label="Outcome">
        <Select name="outcome" defaultValue={filter.outcome ?? ""} onChange={applyNow}>
          <option value="">Any outcome</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o.toLowerCase()}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="From">
        <Input name="from" type="datetime-local" defaultValue={toLocalInput(filter.from)} />
      </Field>
      <Field label="To">
        <Input name="to" type="datetime-local" defaultValue={toLocalInput(filter.to)} />
      </Field>
      <Field label="Search">
        <Input name="q" type="search" defaultValue={filter.q ?? ""} placeholder="action, target, email, detail" />
      </Field>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit" variant="primary">
          Apply
        </Button>
        <Button type="button" onClick={() => go({})}>
          Clear filters
        </Button>
      </div>
    </form>
  );
}
