// A dockerode client for a Docker endpoint, made from its decrypted target and kept per process
// while the endpoint is unchanged (credentials stay in memory only). Shared by every request and
// stream of that endpoint.
import type Docker from "dockerode";
import { config } from "../config";
import type { Endpoint } from "../db/client";
import { connectDocker } from "../docker/connect";
import { badRequest } from "../http/errors";
import { openTarget } from "./sealed-target";

const key = Symbol.for("fleetdeck.dockerClients");
type Cache = Map<string, { version: string; docker: Docker }>;

function cache(): Cache {
  const holder = globalThis as { [key]?: Cache };
  holder[key] ??= new Map();
  return holder[key];
}

/**
 * `timeoutMs` bounds the wait for the engine's answer; operations that legitimately take long
 * (stopping a container that ignores SIGTERM, pulling) ask for more than the default.
 */
export function dockerClient(endpoint: Endpoint, options: { timeoutMs?: number } = {}): Docker {
  const timeoutMs = options.timeoutMs ?? config().UPSTREAM_TIMEOUT_MS;
  if (endpoint.kind !== "DOCKER") throw badRequest("this endpoint is not a Docker engine");
  // Status checks touch updatedAt; only a change of what we connect with makes a new client.
  const version = `${endpoint.secret}|${endpoint.tlsVerify}|${endpoint.sshHostKey}`;
  const cacheKey = `${endpoint.id}|${timeoutMs}`;
  const cached = cache().get(cacheKey);
  if (cached && cached.version === version) return cached.docker;
  const target = openTarget(endpoint);
  if (target.kind !== "docker") throw badRequest("this endpoint is not a Docker engine");
  const docker = connectDocker(target, {
    tlsVerify: endpoint.tlsVerify,
    timeoutMs,
    sshHostKey: endpoint.sshHostKey,
  });
  cache().set(cacheKey, { version, docker });
  return docker;
}
