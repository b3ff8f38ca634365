// A dockerode client for a Docker endpoint, made from its decrypted target and kept per process
// while the endpoint is unchanged (credentials stay in memory only). Shared by every request and
// stream of that endpoint.
import type Docker from "dockerode";
import { config } from "../config";
import { db, type Endpoint } from "../db/client";
import { connectDocker } from "../docker/connect";
import { badRequest } from "../errors";
import { openTarget } from "./sealed-target";

/**
 * Trust on first use for operational connections too (not only health checks): the first key seen
 * is recorded unless another connection recorded one first; only the recorded key is accepted.
 */
async function recordFirstSshHostKey(endpointId: string, fingerprint: string): Promise<boolean> {
  await db().endpoint.updateMany({ where: { id: endpointId, sshHostKey: null }, data: { sshHostKey: fingerprint } });
  const stored = await db().endpoint.findUnique({ where: { id: endpointId }, select: { sshHostKey: true } });
  return stored?.sshHostKey === fingerprint;
}

const key = Symbol.for("fleetdeck.dockerClients");
type Cache = Map<string, { version: string; docker: Docker }>;

function cache(): Cache {
  const holder = globalThis as { [key]?: Cache };
  holder[key] ??= new Map();
  return holder[key];
}

/** Long enough for the slowest legitimate call: a stop that waits its full 600 s, a big pull. */
export const LONG_OPERATION_MS = 11 * 60_000;

/**
 * The wait for the engine's answer is UPSTREAM_TIMEOUT_MS, or LONG_OPERATION_MS for operations
 * that legitimately take long (stopping a container that ignores SIGTERM, pulling). Two fixed
 * tiers, so callers cannot grow the cache (each client holds its own connections).
 */
export function dockerClient(endpoint: Endpoint, options: { long?: boolean } = {}): Docker {
  const timeoutMs = options.long ? LONG_OPERATION_MS : config().UPSTREAM_TIMEOUT_MS;
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
    trustFirstSshHostKey: (fingerprint) => recordFirstSshHostKey(endpoint.id, fingerprint),
  });
  cache().set(cacheKey, { version, docker });
  return docker;
}
