"use client";

// Edit YAML and server-side apply it: "Review" is a dry run whose result is diffed against the live
// object, "Apply" applies, and a conflict with another field manager offers to force. Failures are
// the API server's own words. Used on an object's page and for creating from YAML.
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { LineDiffView } from "../ui/line-diff-view";
import { YamlText, type YamlProblem } from "./yaml-text";
import type { ApplyProblem } from "@/lib/kube/apply-check";
import type { ApplyResult } from "@/lib/kube/apply";

export type ApplyResultRow = ApplyResult;

function Diff({ result }: { result: ApplyResultRow }) {
  const title = `${result.kind} ${result.namespace ? `${result.namespace}/` : ""}${result.name}`;
  return (
    <div className="rounded-md border border-line">
      <div className="border-b border-line px-2 py-1 text-sm font-medium">
        {title} {result.before === null ? "(new)" : result.changed ? "" : "(no change)"}
      </div>
      <LineDiffView before={result.before ?? ""} after={result.after} label="Changes" />
    </div>
  );
}

export function YamlApplyEditor(props: {
  endpointId: string;
  initialYaml: string;
  onApplied(results: ApplyResultRow[]): void;
  onCancel(): void;
}) {
  const [text, setText] = useState(props.initialYaml);
  const [busy, setBusy] = useState<"review" | "apply" | null>(null);
  const [review, setReview] = useState<ApplyResultRow[] | null>(null);
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [problems, setProblems] = useState<YamlProblem[]>([]);

  const send = async (dryRun: boolean, force = false) => {
    setBusy(dryRun ? "review" : "apply");
    setError(null);
    setProblems([]);
    try {
      const answer = await api<{ results: ApplyResultRow[] }>(`/api/endpoints/${props.endpointId}/kube/apply`, {
        body: { yaml: text, dryRun, force },
      });
      if (dryRun) setReview(answer.results);
      else props.onApplied(answer.results);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setError({ message, conflict: e instanceof ApiError && e.status === 409 && /conflict/i.test(message) });
      // The schema check's problems, each marked at its line.
      const found =
        e instanceof ApiError ? (e.details as { problems?: ApplyProblem[] } | undefined)?.problems : undefined;
      setProblems(
        (found ?? []).flatMap((p) =>
          p.line ? [{ line: p.line, message: `${p.path || p.object}: ${p.message}` }] : [],
        ),
      );
      if (dryRun) setReview(null);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="space-y-3" data-testid="yaml-editor">
      <YamlText
        value={text}
        problems={problems}
        onChange={(value) => {
          setText(value);
          setReview(null);
          setProblems([]);
        }}
      />
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => send(true)} disabled={busy !== null}>
          {busy === "review" ? "Reviewing…" : "Review"}
        </Button>
        <Button variant="primary" onClick={() => send(false)} disabled={busy !== null}>
          {busy === "apply" ? "Applying…" : "Apply"}
        </Button>
        {error?.conflict ? (
          <Button variant="danger" onClick={() => send(false, true)} disabled={busy !== null}>
            Apply anyway (force)
          </Button>
        ) : null}
        <Button onClick={props.onCancel} disabled={busy !== null}>
          Cancel
        </Button>
      </div>
      {error ? (
        <Alert>
          <span className="whitespace-pre-wrap" data-testid="apply-error">
            {error.message}
          </span>
        </Alert>
      ) : null}
      {review ? (
        <div className="space-y-2" data-testid="yaml-review">
          {review.map((r) => (
            <Diff key={`${r.kind}/${r.namespace}/${r.name}`} result={r} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
