"use client";

import { useState, type FormEvent } from "react";
import { postNdjson } from "@/lib/client/post-ndjson";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input, TextArea } from "../ui/field";
import { ProgressBar } from "../ui/progress-bar";

interface Step {
  step?: number;
  total?: number;
  message?: string;
  done?: boolean;
  error?: string;
}

// Deploy a compose file as a stack, with a progress bar over its steps.
export function DeployStackForm({ endpointId }: { endpointId: string }) {
  const [steps, setSteps] = useState<Step[]>([]);
  const [result, setResult] = useState<{ tone: "ok" | "bad"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const project = String(f.get("project"));
    setBusy(true);
    setSteps([]);
    setResult(null);
    try {
      await postNdjson<Step>(
        `/api/endpoints/${endpointId}/docker/stacks`,
        { project, compose: String(f.get("compose")) },
        (s) => {
          if (s.error) setResult({ tone: "bad", text: s.error });
          else if (s.done) setResult({ tone: "ok", text: `Stack ${project} is up` });
          else setSteps((all) => [...all, s]);
        },
      );
    } catch (e) {
      setResult({ tone: "bad", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  const last = steps.at(-1);
  return (
    <details className="rounded-lg border border-line bg-panel p-4">
      <summary className="cursor-pointer font-semibold">Deploy a stack from a compose file</summary>
      <form onSubmit={submit} className="mt-3 space-y-3">
        <Field label="Project name">
          <Input name="project" required pattern="[a-z0-9][a-z0-9_\-]*" placeholder="shop" />
        </Field>
        <Field
          label="Compose file"
          hint="Services need an image (building is not supported); bind mounts are paths on the Docker host."
        >
          <TextArea name="compose" rows={10} required aria-label="Compose file" />
        </Field>
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? "Deploying…" : "Deploy"}
        </Button>
        {last ? (
          <div className="space-y-1" data-testid="deploy-progress">
            <ProgressBar value={last.step ?? 0} total={last.total ?? 1} label="Deployment progress" />
            <ul className="text-xs text-muted">
              {steps.map((s) => (
                <li key={s.step}>✓ {s.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {result ? <Alert tone={result.tone}>{result.text}</Alert> : null}
      </form>
    </details>
  );
}
