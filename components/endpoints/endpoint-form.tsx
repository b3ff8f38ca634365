"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { api } from "@/lib/client/api";
import type { CheckResult } from "@/lib/endpoints/check-connection";
import type { KubeContextSummary } from "@/lib/kube/kubeconfig";
import type { EndpointView } from "@/lib/endpoints/view";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input, Select, TextArea } from "../ui/field";
import { emptyForm, MODES, toConnection, type FormState, type Mode } from "./connection-fields";
import { ImpersonateOption } from "./impersonate-option";

function SecretHint({ editing }: { editing: boolean }) {
  return editing ? <>Set. Leave empty to keep it, or paste a new value to replace it.</> : null;
}

export function EndpointForm({
  existing,
  initialMode,
}: {
  existing?: EndpointView & { mode: Mode };
  initialMode?: Mode;
}) {
  const router = useRouter();
  const editing = Boolean(existing);
  const [initial] = useState<FormState>(() =>
    existing
      ? {
          ...emptyForm,
          name: existing.name,
          mode: existing.mode,
          tlsVerify: existing.tlsVerify,
          tags: existing.tags.join(", "),
          impersonate: existing.impersonate,
          ...addressOf(existing),
        }
      : { ...emptyForm, mode: initialMode ?? emptyForm.mode },
  );
  const [f, setF] = useState<FormState>(initial);
  // When editing, the connection is sent only if something in it changed; secrets left empty are kept.
  const connectionChanged = !editing || JSON.stringify(toConnection(f)) !== JSON.stringify(toConnection(initial));
  const [contexts, setContexts] = useState<KubeContextSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [test, setTest] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState<"test" | "save" | null>(null);
  const isDocker = ["socket", "tcp", "tls", "ssh"].includes(f.mode);
  const set =
    <K extends keyof FormState>(key: K) =>
    (value: FormState[K]) =>
      setF((s) => ({ ...s, [key]: value }));
  const text = (key: keyof FormState) => ({
    value: String(f[key]),
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value as never),
  });

  async function loadContexts(kubeconfig: string) {
    set("kubeconfig")(kubeconfig);
    if (!kubeconfig.trim()) return setContexts([]);
    try {
      const result = await api<{ contexts: KubeContextSummary[]; currentContext?: string }>(
        "/api/kubeconfig/contexts",
        { body: { kubeconfig } },
      );
      setContexts(result.contexts);
      setError(null);
      const preferred =
        result.contexts.find((c) => c.name === result.currentContext && !c.problems.length) ??
        result.contexts.find((c) => !c.problems.length);
      if (preferred) setF((s) => ({ ...s, kubeconfig, context: preferred.name, name: s.name || preferred.name }));
    } catch (e) {
      setContexts([]);
      setError((e as Error).message);
    }
  }

  async function run(kind: "test" | "save") {
    setBusy(kind);
    setError(null);
    try {
      const connection = toConnection(f);
      if (kind === "test") {
        const { result } = connectionChanged
          ? await api<{ result: CheckResult }>("/api/endpoints/test", {
              body: { tlsVerify: f.tlsVerify, impersonate: !isDocker && f.impersonate, connection },
            })
          : await api<{ result: CheckResult }>(`/api/endpoints/${existing!.id}/test`, { body: {} });
        setTest(result);
      } else if (editing) {
        await api(`/api/endpoints/${existing!.id}`, {
          method: "PATCH",
          body: {
            name: f.name,
            tags: tagList(f.tags),
            tlsVerify: f.tlsVerify,
            impersonate: isDocker ? undefined : f.impersonate,
            connection: connectionChanged ? connection : undefined,
          },
        });
        router.push(`/endpoints/${existing!.id}`);
        router.refresh();
      } else {
        const { endpoint } = await api<{ endpoint: EndpointView }>("/api/endpoints", {
          body: {
            name: f.name,
            tags: tagList(f.tags),
            tlsVerify: f.tlsVerify,
            impersonate: isDocker ? undefined : f.impersonate,
            connection,
          },
        });
        router.push(`/?added=${encodeURIComponent(endpoint.name)}`);
        router.refresh();
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  let fields: ReactNode;
  if (f.mode === "socket")
    fields = (
      <Field label="Socket path">
        <Input {...text("socketPath")} required />
      </Field>
    );
  else if (isDocker) {
    fields = (
      <>
        <div className="grid grid-cols-3 gap-3">
          <div className="col-span-2">
            <Field label="Host">
              <Input {...text("host")} placeholder="docker.example.com" required />
            </Field>
          </div>
          <Field label="Port">
            <Input
              {...text("port")}
              placeholder={f.mode === "ssh" ? "22" : f.mode === "tls" ? "2376" : "2375"}
              inputMode="numeric"
            />
          </Field>
        </div>
        {f.mode === "tls" ? (
          <>
            <Field label="CA certificate (PEM)" hint={<SecretHint editing={editing} />}>
              <TextArea {...text("ca")} />
            </Field>
            <Field label="Client certificate (PEM)" hint={<SecretHint editing={editing} />}>
              <TextArea {...text("cert")} />
            </Field>
            <Field label="Client key (PEM)" hint={<SecretHint editing={editing} />}>
              <TextArea {...text("key")} />
            </Field>
          </>
        ) : null}
        {f.mode === "ssh" ? (
          <>
            <Field label="User">
              <Input {...text("username")} required />
            </Field>
            <Field label="Private key (PEM / OpenSSH)" hint={<SecretHint editing={editing} />}>
              <TextArea {...text("privateKey")} />
            </Field>
            <Field label="Key passphrase" hint="Only if the key is encrypted.">
              <Input type="password" {...text("passphrase")} />
            </Field>
          </>
        ) : null}
      </>
    );
  } else if (f.mode === "kubeconfig") {
    fields = (
      <>
        <Field
          label="Kubeconfig"
          hint="Paste it or pick a file. Only inline data is used: exec plugins and file paths are refused."
        >
          <TextArea
            rows={8}
            value={f.kubeconfig}
            onChange={(e) => void loadContexts(e.target.value)}
            aria-label="Kubeconfig"
          />
        </Field>
        <input
          type="file"
          aria-label="Kubeconfig file"
          onChange={(e) => void e.target.files?.[0]?.text().then(loadContexts)}
        />
        {contexts.length ? (
          <Field label="Context">
            <Select value={f.context} onChange={(e) => set("context")(e.target.value)}>
              {contexts.map((c) => (
                <option key={c.name} value={c.name} disabled={c.problems.length > 0}>
                  {c.name} {c.server ? `(${c.server})` : ""} {c.problems.length ? `— ${c.problems[0]}` : ""}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </>
    );
  } else {
    fields = (
      <>
        <Field label="API server URL">
          <Input {...text("server")} placeholder="https://10.0.0.1:6443" required />
        </Field>
        {f.server.trim().startsWith("http://") ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={f.plainHttp} onChange={(e) => set("plainHttp")(e.target.checked)} /> Plain
            HTTP: the token travels unencrypted (only on a network you trust)
          </label>
        ) : null}
        <Field label="CA certificate (PEM)" hint={<SecretHint editing={editing} />}>
          <TextArea {...text("ca")} />
        </Field>
        {f.mode === "token" ? (
          <Field label="Bearer token" hint={<SecretHint editing={editing} />}>
            <TextArea rows={3} {...text("token")} />
          </Field>
        ) : (
          <>
            <Field label="Client certificate (PEM)" hint={<SecretHint editing={editing} />}>
              <TextArea {...text("cert")} />
            </Field>
            <Field label="Client key (PEM)" hint={<SecretHint editing={editing} />}>
              <TextArea {...text("key")} />
            </Field>
          </>
        )}
      </>
    );
  }

  return (
    <form
      className="max-w-2xl space-y-4 rounded-lg border border-line bg-panel p-5"
      onSubmit={(e) => {
        e.preventDefault();
        void run("save");
      }}
    >
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Name">
        <Input {...text("name")} required />
      </Field>
      <Field label="Tags" hint="Comma-separated, such as prod, eu-west: the fleet is filtered and grouped by them.">
        <Input {...text("tags")} placeholder="prod, eu-west" />
      </Field>
      <Field label="Connection">
        <Select
          value={f.mode}
          onChange={(e) => setF((s) => ({ ...s, mode: e.target.value as Mode }))}
          aria-label="Connection type"
        >
          {MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </Select>
      </Field>
      {fields}
      {f.mode !== "socket" && f.mode !== "tcp" && f.mode !== "ssh" ? (
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={f.tlsVerify} onChange={(e) => set("tlsVerify")(e.target.checked)} /> Verify
          the server&apos;s TLS certificate
        </label>
      ) : null}
      {isDocker ? null : <ImpersonateOption checked={f.impersonate} onChange={set("impersonate")} />}
      {test ? (
        test.ok ? (
          <Alert tone="ok">
            Connected: {test.version}
            {test.detail ? ` · ${test.detail}` : ""}
            {test.sshHostKey ? ` · host key ${test.sshHostKey}` : ""}
          </Alert>
        ) : (
          <Alert>{test.message}</Alert>
        )
      ) : null}
      <div className="flex gap-2">
        <Button type="button" onClick={() => void run("test")} disabled={busy !== null}>
          {busy === "test" ? "Testing…" : "Test connection"}
        </Button>
        <Button type="submit" variant="primary" disabled={busy !== null}>
          {busy === "save" ? "Saving…" : editing ? "Save changes" : "Add endpoint"}
        </Button>
      </div>
    </form>
  );
}

const tagList = (text: string) => [
  ...new Set(
    text
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

function addressOf(e: EndpointView): Partial<FormState> {
  if (e.kind === "KUBERNETES") return { server: e.url, context: e.context ?? "" };
  const url = e.url.startsWith("unix://") ? null : new URL(e.url.replace(/^(tcp|ssh):/, "http:"));
  if (!url) return { socketPath: e.url.slice("unix://".length) };
  return { host: url.hostname, port: url.port, username: decodeURIComponent(url.username) };
}
