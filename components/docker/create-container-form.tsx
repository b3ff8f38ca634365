"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api } from "@/lib/client/api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input, Select, TextArea } from "../ui/field";

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

// "a b 'c d'" → ["a", "b", "c d"]
function splitCommand(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

function parsePorts(text: string) {
  return lines(text).map((line) => {
    const [mapping = "", protocol = "tcp"] = line.split("/");
    const parts = mapping.split(":");
    const container = parts.pop();
    const host = parts.pop();
    return { container, host: host || undefined, hostIp: parts.pop(), protocol };
  });
}

function parseVolumes(text: string) {
  return lines(text).map((line) => {
    const [source, target, mode] = line.split(":");
    return { source, target, readOnly: mode === "ro" };
  });
}

function parsePairs(text: string): [string, string][] {
  return lines(text).map((line) => {
    const index = line.indexOf("=");
    return index < 0 ? [line, ""] : [line.slice(0, index), line.slice(index + 1)];
  });
}

export function CreateContainerForm({ endpointId, images }: { endpointId: string; images: string[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (name: string) => String(f.get(name) ?? "");
    setBusy(true);
    setError(null);
    try {
      const memory = Number(text("memory"));
      const cpus = Number(text("cpus"));
      await api(`/api/endpoints/${endpointId}/docker/containers`, {
        body: {
          image: text("image"),
          name: text("name") || undefined,
          command: text("command") ? splitCommand(text("command")) : undefined,
          env: parsePairs(text("env")).map(([name, value]) => ({ name, value })),
          ports: parsePorts(text("ports")),
          volumes: parseVolumes(text("volumes")),
          labels: Object.fromEntries(parsePairs(text("labels"))),
          restartPolicy: text("restart"),
          memoryBytes: memory > 0 ? Math.round(memory * 1024 * 1024) : undefined,
          cpus: cpus > 0 ? cpus : undefined,
          networkMode: text("network") || undefined,
          start: f.get("start") === "on",
        },
      });
      router.push(`/endpoints/${endpointId}/containers`);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="max-w-2xl space-y-4 rounded-lg border border-line bg-panel p-5">
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Image" hint="Pull it first on the Images tab if the engine does not have it.">
        <Input name="image" list="local-images" required placeholder="nginx:1.27" />
      </Field>
      <datalist id="local-images">
        {images.map((i) => (
          <option key={i} value={i} />
        ))}
      </datalist>
      <Field label="Name">
        <Input name="name" placeholder="optional" />
      </Field>
      <Field label="Command" hint="Leave empty for the image's default.">
        <Input name="command" placeholder="sleep 3600" />
      </Field>
      <Field label="Environment" hint="One NAME=value per line.">
        <TextArea name="env" rows={3} />
      </Field>
      <Field label="Ports" hint="One [host-ip:]host:container[/udp] per line, e.g. 8080:80.">
        <TextArea name="ports" rows={2} />
      </Field>
      <Field label="Volumes and binds" hint="One source:/target[:ro] per line; a name is a volume, a path a bind.">
        <TextArea name="volumes" rows={2} />
      </Field>
      <Field label="Labels" hint="One key=value per line.">
        <TextArea name="labels" rows={2} />
      </Field>
      <div className="grid grid-cols-3 gap-3">
        <Field label="Restart policy">
          <Select name="restart" defaultValue="no">
            {["no", "always", "unless-stopped", "on-failure"].map((p) => (
              <option key={p}>{p}</option>
            ))}
          </Select>
        </Field>
        <Field label="Memory limit (MiB)">
          <Input name="memory" inputMode="numeric" />
        </Field>
        <Field label="CPUs">
          <Input name="cpus" inputMode="decimal" />
        </Field>
      </div>
      <Field label="Network mode" hint="bridge, host, none or a network name; empty for the engine's default.">
        <Input name="network" />
      </Field>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="start" defaultChecked /> Start it now
      </label>
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? "Creating…" : "Create container"}
      </Button>
    </form>
  );
}
