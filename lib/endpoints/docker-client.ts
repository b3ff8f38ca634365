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

export function dockerClient(endpoint: Endpoint): Docker {
  if (endpoint.kind !== "DOCKER") throw badRequest("this endpoint is not a Docker engine");
  // Status checks touch updatedAt; only a change of what we connect with makes a new client.
  const version = `${endpoint.secret}|${endpoint.tlsVerify}|${endpoint.sshHostKey}`;
  const cached = cache().get(endpoint.id);
  if (cached && cached.version === version) return cached.docker;
  const target = openTarget(endpoint);
  if (target.kind !== "docker") throw badRequest("this endpoint is not a Docker engine");
  const docker = connectDocker(target, {
    tlsVerify: endpoint.tlsVerify,
    timeoutMs: config().UPSTREAM_TIMEOUT_MS,
    sshHostKey: endpoint.sshHostKey,
  });
  cache().set(endpoint.id, { version, docker });
  return docker;
}
