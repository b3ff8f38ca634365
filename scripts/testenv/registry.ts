// Local image registries (Debian's docker-registry) on 127.0.0.1; engines trust registries on
// loopback without TLS. With `auth`, the registry wants basic-auth credentials (htpasswd, bcrypt).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, startDaemon, waitFor } from "./processes";
import type { RegistryInfo } from "./state";

export async function startRegistry(options: {
  dir: string;
  name: string;
  auth?: { username: string; password: string };
  pids: number[];
}): Promise<RegistryInfo> {
  const root = path.join(options.dir, options.name);
  mkdirSync(path.join(root, "data"), { recursive: true });
  const port = await freePort();
  const lines = [
    "version: 0.1",
    "log: { level: warn }",
    `storage: { filesystem: { rootdirectory: ${path.join(root, "data")} }, delete: { enabled: true } }`,
    `http: { addr: "127.0.0.1:${port}" }`,
  ];
  if (options.auth) {
    const htpasswd = path.join(root, "htpasswd");
    const entry = execFileSync("htpasswd", ["-Bbn", options.auth.username, options.auth.password], {
      encoding: "utf8",
    });
    writeFileSync(htpasswd, entry.trim() + "\n");
    lines.push(`auth: { htpasswd: { realm: fleetdeck-test, path: ${htpasswd} } }`);
  }
  const config = path.join(root, "config.yml");
  writeFileSync(config, lines.join("\n") + "\n");
  const logFile = path.join(root, "registry.log");
  const pid = startDaemon("docker-registry", ["serve", config], logFile);
  options.pids.push(pid);
  const url = `127.0.0.1:${port}`;
  // 401 is the answer of a registry that is up and wants credentials.
  await waitFor(
    "image registry",
    async () => ([200, 401].includes((await fetch(`http://${url}/v2/`)).status) ? true : undefined),
    30_000,
    logFile,
  );
  return { url, pid, auth: options.auth };
}
