"use client";

import { useState, type FormEvent } from "react";
import { formatBytes } from "@/lib/client/format";
import { postNdjson } from "@/lib/client/post-ndjson";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";
import { ProgressBar } from "../ui/progress-bar";

interface Layer {
  status: string;
  current?: number;
  total?: number;
}

// Pull with a live progress bar per layer, fed by the engine's own pull stream.
export function PullImage({ endpointId, onPulled }: { endpointId: string; onPulled: () => void }) {
  const [layers, setLayers] = useState<Record<string, Layer>>({});
  const [message, setMessage] = useState<{ tone: "ok" | "bad"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [withAuth, setWithAuth] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const image = String(f.get("image"));
    const auth = withAuth
      ? {
          username: String(f.get("username")),
          password: String(f.get("password")),
          serveraddress: image.split("/")[0] ?? "",
        }
      : undefined;
    setBusy(true);
    setLayers({});
    setMessage(null);
    try {
      await postNdjson<Layer & { id?: string; done?: boolean; error?: string }>(
        `/api/endpoints/${endpointId}/docker/images/pull`,
        { image, auth },
        (e) => {
          if (e.error) setMessage({ tone: "bad", text: e.error });
          else if (e.done) setMessage({ tone: "ok", text: `Pulled ${image}` });
          else if (e.id && /^[0-9a-f]{12}$/.test(e.id)) {
            const id = e.id;
            setLayers((all) => ({
              ...all,
              [id]: { status: e.status, current: e.current ?? all[id]?.current, total: e.total ?? all[id]?.total },
            }));
          }
        },
      );
      onPulled();
    } catch (e) {
      setMessage({ tone: "bad", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  const entries = Object.entries(layers);
  const total = entries.reduce((s, [, l]) => s + (l.total ?? 0), 0);
  const current = entries.reduce(
    (s, [, l]) =>
      s +
      (l.status === "Pull complete" || l.status === "Already exists"
        ? (l.total ?? 0)
        : Math.min(l.current ?? 0, l.total ?? 0)),
    0,
  );
  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-line bg-panel p-4">
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <Field label="Pull an image">
            <Input name="image" required placeholder="registry.example.com/team/app:1.2" />
          </Field>
        </div>
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? "Pulling…" : "Pull"}
        </Button>
      </div>
      <label className="flex items-center gap-2 text-xs">
        <input type="checkbox" checked={withAuth} onChange={(e) => setWithAuth(e.target.checked)} /> The registry needs
        credentials (used for this pull only, never stored)
      </label>
      {withAuth ? (
        <div className="grid grid-cols-2 gap-2">
          <Field label="Registry user">
            <Input name="username" autoComplete="off" />
          </Field>
          <Field label="Registry password">
            <Input name="password" type="password" autoComplete="off" />
          </Field>
        </div>
      ) : null}
      {entries.length ? (
        <div className="space-y-1" data-testid="pull-progress">
          <div className="flex justify-between text-xs text-muted">
            <span>All layers</span>
            <span>
              {formatBytes(current)} / {formatBytes(total)}
            </span>
          </div>
          <ProgressBar value={current} total={total} label="Pull progress" />
          {entries.map(([id, l]) => (
            <div key={id} className="grid grid-cols-[7rem_10rem_1fr] items-center gap-2 text-xs">
              <code>{id}</code>
              <span className="text-muted">{l.status}</span>
              <ProgressBar
                value={l.status === "Pull complete" ? 1 : (l.current ?? 0)}
                total={l.status === "Pull complete" ? 1 : (l.total ?? 0)}
                label={`Layer ${id}`}
              />
            </div>
          ))}
        </div>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}
