// First-run convenience: the Docker engine and kubeconfig contexts of the machine this server runs
// on, offered as endpoints at /setup. The local kubeconfig gets the same inline-only treatment as
// an uploaded one.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { recordAudit } from "../audit/record";
import { config } from "../config";
import { listKubeContexts, type KubeContextSummary } from "../kube/kubeconfig";
import type { Subject } from "../rbac/authorize";
import { checkConnection } from "./check-connection";
import { createEndpoint } from "./registry";
import type { DockerTarget } from "./target";

function localDockerTarget(): DockerTarget | null {
  const host = process.env.DOCKER_HOST;
  if (host?.startsWith("unix://"))
    return { kind: "docker", transport: "socket", socketPath: host.slice("unix://".length) };
  if (host?.startsWith("tcp://")) {
    const url = new URL(host.replace(/^tcp:/, "http:"));
    return { kind: "docker", transport: "tcp", host: url.hostname, port: Number(url.port || 2375) };
  }
  return existsSync("/var/run/docker.sock")
    ? { kind: "docker", transport: "socket", socketPath: "/var/run/docker.sock" }
    : null;
}

function localKubeconfigPath(): string {
  const fromEnv = process.env.KUBECONFIG?.split(path.delimiter).find(Boolean);
  return fromEnv ?? path.join(os.homedir(), ".kube", "config");
}

function readLocalKubeconfig(): string | null {
  const file = localKubeconfigPath();
  try {
    return existsSync(/*turbopackIgnore: true*/ file) ? readFileSync(/*turbopackIgnore: true*/ file, "utf8") : null;
  } catch {
    return null;
  }
}

export interface LocalDiscovery {
  docker: { address: string; reachable: boolean; version?: string; error?: string } | null;
  kube: { path: string; contexts: KubeContextSummary[]; error?: string } | null;
}

export async function discoverLocalEndpoints(): Promise<LocalDiscovery> {
  const target = localDockerTarget();
  let docker: LocalDiscovery["docker"] = null;
  if (target) {
    const result = await checkConnection(target, {
      tlsVerify: true,
      timeoutMs: Math.min(config().UPSTREAM_TIMEOUT_MS, 3000),
    });
    const address =
      target.transport === "socket" ? `unix://${target.socketPath}` : `tcp://${target.host}:${target.port}`;
    docker = result.ok
      ? { address, reachable: true, version: result.version }
      : { address, reachable: false, error: result.message };
  }
  const text = readLocalKubeconfig();
  let kube: LocalDiscovery["kube"] = null;
  if (text) {
    try {
      kube = { path: localKubeconfigPath(), contexts: listKubeContexts(text).contexts };
    } catch (error) {
      kube = { path: localKubeconfigPath(), contexts: [], error: (error as Error).message };
    }
  }
  return { docker, kube };
}

export async function importLocalEndpoints(
  choice: { docker: boolean; kubeContexts: string[] },
  who: { actor: Subject; address: string | null },
): Promise<{ created: string[]; errors: string[] }> {
  const created: string[] = [];
  const errors: string[] = [];
  const attempt = async (name: string, run: () => Promise<{ id: string; name: string }>) => {
    try {
      const endpoint = await run();
      created.push(endpoint.name);
      await recordAudit({
        actor: who.actor,
        action: "endpoint.create",
        endpointId: endpoint.id,
        target: endpoint.name,
        outcome: "SUCCESS",
        address: who.address,
        detail: { source: "local" },
      });
    } catch (error) {
      errors.push(`${name}: ${(error as Error).message}`);
    }
  };
  const docker = localDockerTarget();
  if (choice.docker && docker) {
    await attempt("local Docker", () =>
      createEndpoint({ name: "local-docker", tags: ["local"], tlsVerify: true, connection: docker }),
    );
  }
  const kubeconfig = choice.kubeContexts.length > 0 ? readLocalKubeconfig() : null;
  for (const context of choice.kubeContexts) {
    if (!kubeconfig) {
      errors.push(`${context}: no local kubeconfig`);
      continue;
    }
    await attempt(context, () =>
      createEndpoint({
        name: context,
        tags: ["local"],
        tlsVerify: true,
        connection: { kind: "kubernetes-kubeconfig", kubeconfig, context },
      }),
    );
  }
  return { created, errors };
}
