// A local image registry (Debian's docker-registry) on 127.0.0.1; engines trust registries on
// loopback without TLS.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, startDaemon, waitFor } from "./processes";

export async function startRegistry(dir: string): Promise<{ url: string; pid: number }> {
  const root = path.join(dir, "registry");
  mkdirSync(path.join(root, "data"), { recursive: true });
  const port = await freePort();
  const config = path.join(root, "config.yml");
  writeFileSync(
    config,
    [
      "version: 0.1",
      "log: { level: warn }",
      `storage: { filesystem: { rootdirectory: ${path.join(root, "data")} }, delete: { enabled: true } }`,
      `http: { addr: "127.0.0.1:${port}" }`,
      "",
    ].join("\n"),
  );
  const logFile = path.join(root, "registry.log");
  const pid = startDaemon("docker-registry", ["serve", config], logFile);
  const url = `127.0.0.1:${port}`;
  await waitFor(
    "image registry",
    async () => ((await fetch(`http://${url}/v2/`)).ok ? true : undefined),
    30_000,
    logFile,
  );
  return { url, pid };
}
