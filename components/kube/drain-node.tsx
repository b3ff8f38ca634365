"use client";

// "Drain" on a node: the options and what they mean first, then a progress bar and one line per
// pod as the server evicts them (a pod a disruption budget holds says so, in the API server's words).
import { useRef, useState } from "react";
import { postNdjson } from "@/lib/client/post-ndjson";
import {
  applyDrainLine,
  drainCounts,
  emptyDrainProgress,
  type DrainLine,
  type DrainProgress,
} from "@/lib/kube/drain-progress";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";
import { ProgressBar } from "../ui/progress-bar";

const STATE_STYLE: Record<string, string> = { evicted: "text-ok", failed: "text-bad", waiting: "text-warn" };

export function DrainNode(props: { path: string; node: string; disabled: boolean; onCordoned(): void }) {
  const { path, node } = props;
  const [asking, setAsking] = useState(false);
  const [grace, setGrace] = useState("");
  const [timeout, setTimeoutSeconds] = useState("60");
  const [progress, setProgress] = useState<DrainProgress | null>(null);
  const [result, setResult] = useState<{ tone: "ok" | "bad"; text: string } | null>(null);
  const running = useRef<AbortController | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setAsking(false);
    setBusy(true);
    setResult(null);
    setProgress(emptyDrainProgress(node));
    running.current = new AbortController();
    try {
      await postNdjson<DrainLine | { done: true } | { error: string }>(
        `${path}/drain`,
        { gracePeriodSeconds: grace === "" ? undefined : Number(grace), timeoutSeconds: Number(timeout) },
        (line) => {
          if ("error" in line) setResult({ tone: "bad", text: line.error });
          else if ("done" in line) setResult({ tone: "ok", text: `${node} is drained (and stays cordoned).` });
          else {
            if (line.type === "cordoned") props.onCordoned();
            setProgress((p) => applyDrainLine(p ?? emptyDrainProgress(node), line));
          }
        },
        { signal: running.current.signal },
      );
    } catch (e) {
      const stopped = (e as Error).name === "AbortError";
      setResult({ tone: "bad", text: stopped ? "Stopped; the node stays cordoned." : (e as Error).message });
    } finally {
      running.current = null;
      setBusy(false);
    }
  };

  const counts = progress ? drainCounts(progress) : null;
  return (
    <div className="w-full space-y-2">
      {!asking && !busy ? (
        <Button variant="danger" onClick={() => setAsking(true)} disabled={props.disabled}>
          Drain
        </Button>
      ) : null}
      {asking ? (
        <div className="space-y-3 rounded-lg border border-line bg-panel p-4" data-testid="drain-options">
          <p>
            Drain <strong>{node}</strong>: cordon it, then evict every pod on it through the Eviction API, so pod
            disruption budgets are respected (a pod a budget holds is asked again until the timeout).
          </p>
          <ul className="list-disc pl-5 text-xs text-muted">
            <li>Pods run by a DaemonSet and mirror (static) pods stay, as with --ignore-daemonsets.</li>
            <li>Pods without a controller are evicted and nothing recreates them.</li>
            <li>The node stays cordoned afterwards; uncordon it when it may take pods again.</li>
          </ul>
          <div className="grid max-w-md grid-cols-2 gap-2">
            <Field label="Grace period (s)" hint="Empty: each pod's own">
              <Input type="number" min={0} value={grace} onChange={(e) => setGrace(e.target.value)} />
            </Field>
            <Field label="Timeout (s)">
              <Input type="number" min={1} value={timeout} onChange={(e) => setTimeoutSeconds(e.target.value)} />
            </Field>
          </div>
          <div className="flex gap-2">
            <Button variant="danger" onClick={() => void start()}>
              Drain {node}
            </Button>
            <Button onClick={() => setAsking(false)}>Cancel</Button>
          </div>
        </div>
      ) : null}
      {progress && counts ? (
        <div className="space-y-2 rounded-lg border border-line bg-panel p-4" data-testid="drain-progress">
          <div className="flex justify-between text-xs text-muted">
            <span>
              {counts.evicted} of {counts.total} evicted · {counts.waiting} waiting on a disruption budget ·{" "}
              {counts.failed} failed · {progress.skipped.length} left alone
            </span>
            {busy ? (
              <button className="text-accent hover:underline" onClick={() => running.current?.abort()}>
                Stop
              </button>
            ) : null}
          </div>
          <ProgressBar value={counts.evicted + counts.failed} total={counts.total} label="Drain progress" />
          <ul tabIndex={0} aria-label="Pods of the drain" className="max-h-64 space-y-0.5 overflow-auto text-xs">
            {Object.values(progress.pods).map((p) => (
              <li key={`${p.namespace}/${p.name}`}>
                <code>
                  {p.namespace}/{p.name}
                </code>{" "}
                <span className={STATE_STYLE[p.state] ?? "text-muted"}>{p.state}</span>
                {p.message ? <span className="text-muted"> — {p.message}</span> : null}
              </li>
            ))}
            {progress.skipped.map((p) => (
              <li key={`skipped ${p.namespace}/${p.name}`} className="text-muted">
                <code>
                  {p.namespace}/{p.name}
                </code>{" "}
                left alone — {p.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result ? <Alert tone={result.tone}>{result.text}</Alert> : null}
    </div>
  );
}
