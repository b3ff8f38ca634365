"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { api } from "@/lib/client/api";
import type { LocalDiscovery } from "@/lib/endpoints/discover-local";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";

function AdminStep({ onDone }: { onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    if (password !== form.get("confirm")) return setError("the two passwords differ");
    setBusy(true);
    setError(null);
    try {
      await api("/api/setup", { body: { email, name: form.get("name"), password } });
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.error) throw new Error(result.error);
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-line bg-panel p-5">
      <p className="text-muted">Create the first administrator. There is no default account.</p>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Name">
        <Input name="name" required autoFocus />
      </Field>
      <Field label="Email">
        <Input name="email" type="email" autoComplete="username" required />
      </Field>
      <Field label="Password" hint="At least 12 characters.">
        <Input name="password" type="password" autoComplete="new-password" minLength={12} required />
      </Field>
      <Field label="Confirm password">
        <Input name="confirm" type="password" autoComplete="new-password" minLength={12} required />
      </Field>
      <Button variant="primary" type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create administrator"}
      </Button>
    </form>
  );
}

function LocalStep() {
  const router = useRouter();
  const [found, setFound] = useState<LocalDiscovery | null>(null);
  const [docker, setDocker] = useState(false);
  const [contexts, setContexts] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<LocalDiscovery>("/api/setup/discover")
      .then((d) => {
        setFound(d);
        setDocker(Boolean(d.docker?.reachable));
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  async function finish() {
    setBusy(true);
    try {
      if (docker || contexts.length) {
        const result = await api<{ errors: string[] }>("/api/setup/import", {
          body: { docker, kubeContexts: contexts },
        });
        if (result.errors.length) {
          setError(result.errors.join("\n"));
          return;
        }
      }
      router.replace("/");
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const usable = found?.kube?.contexts.filter((c) => c.problems.length === 0) ?? [];
  return (
    <div className="space-y-4 rounded-lg border border-line bg-panel p-5">
      <h2 className="text-lg font-semibold">Add what this machine can reach</h2>
      {error ? <Alert>{error}</Alert> : null}
      {!found ? <p className="text-muted">Looking for a local Docker engine and kubeconfig…</p> : null}
      {found && !found.docker && !found.kube ? (
        <p className="text-muted">No local Docker engine or kubeconfig found.</p>
      ) : null}
      {found?.docker ? (
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            checked={docker}
            disabled={!found.docker.reachable}
            onChange={(e) => setDocker(e.target.checked)}
          />
          <span>
            Docker engine at <code>{found.docker.address}</code>{" "}
            <span className="text-muted">
              {found.docker.reachable ? found.docker.version : `(unreachable: ${found.docker.error})`}
            </span>
          </span>
        </label>
      ) : null}
      {found?.kube?.contexts.map((c) => (
        <label key={c.name} className="flex items-start gap-2">
          <input
            type="checkbox"
            disabled={c.problems.length > 0}
            checked={contexts.includes(c.name)}
            onChange={(e) =>
              setContexts((all) => (e.target.checked ? [...all, c.name] : all.filter((n) => n !== c.name)))
            }
          />
          <span>
            Kubernetes context <code>{c.name}</code> <span className="text-muted">{c.server}</span>
            {c.problems.length ? <span className="block text-xs text-warn">{c.problems.join("; ")}</span> : null}
          </span>
        </label>
      ))}
      {found?.kube && usable.length === 0 && found.kube.error ? <Alert tone="warn">{found.kube.error}</Alert> : null}
      <Button variant="primary" onClick={finish} disabled={busy || !found}>
        {docker || contexts.length ? "Add and continue" : "Continue"}
      </Button>
    </div>
  );
}

export function SetupWizard({ initialStep }: { initialStep: "admin" | "local" }) {
  const [step, setStep] = useState(initialStep);
  return step === "admin" ? <AdminStep onDone={() => setStep("local")} /> : <LocalStep />;
}
