// Where the test environment keeps its files, and the JSON description of what it started.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// Short path: unix socket paths are limited to 107 bytes.
export const TESTENV_DIR = process.env.TESTENV_DIR ?? "/tmp/fleetdeck-testenv";
export const STATE_FILE = path.join(TESTENV_DIR, "state.json");

export interface DockerEngineInfo {
  name: string;
  socketPath: string;
  pid: number;
  version: string;
  /** Engine 1 only: TCP with TLS on 127.0.0.1. */
  tls?: { host: string; port: number; ca: string; cert: string; key: string; wrongCa: string };
}

export interface TestEnvState {
  startedAt: string;
  dir: string;
  docker: DockerEngineInfo[];
  registry?: RegistryInfo;
  /** A second registry that wants basic-auth credentials (holds the same test image). */
  authRegistry?: RegistryInfo;
  testImage: string;
  /** Image as pushed to the local registry, for pull tests. */
  registryImage?: string;
  kubernetes: KubeClusterInfo[];
  /** Reaches Docker engine 1 over SSH. */
  ssh?: SshServerInfo;
  pids: number[];
}

export interface RegistryInfo {
  /** host:port, as used in image references */
  url: string;
  pid: number;
  auth?: { username: string; password: string };
}

export interface SshServerInfo {
  host: string;
  port: number;
  username: string;
  /** Path of an OpenSSH private key accepted by the server. */
  privateKey: string;
  /** "SHA256:..." as ssh-keygen -l prints it. */
  hostKeyFingerprint: string;
}

export interface KubeClusterInfo {
  name: string;
  server: string;
  adminKubeconfig: string;
  adminToken: string;
  ca: string;
  restricted: { token: string; namespace: string; kubeconfig: string };
  /** CRI-format file that kwok serves as every pod's log; append lines to make pods "log". */
  podLogFile: string;
  /** What kwok serves as every pod container's previous instance (logs --previous). */
  podPreviousLogFile: string;
  /** Serves metrics.k8s.io through the API server (first cluster only); usage appears after its first scrapes. */
  metricsServer: { url: string; log: string } | null;
  version: string;
}

export function readTestEnv(): TestEnvState {
  if (!existsSync(STATE_FILE))
    throw new Error(`test environment is not up (no ${STATE_FILE}); run: npm run testenv -- up`);
  return JSON.parse(readFileSync(STATE_FILE, "utf8")) as TestEnvState;
}
