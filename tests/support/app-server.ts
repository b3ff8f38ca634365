// Starts the real server (server.ts, production build) against a given database, for integration
// and end-to-end tests.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../lib/db/embedded-postgres";

export interface AppServer {
  url: string;
  /** The server process (benchmarks read its CPU time and memory). */
  pid: number;
  dataDir: string;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** Sends a signal (SIGKILL: a crash) and waits for the process to end; the data dir stays. */
  kill(signal: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

export async function startAppServer(options: {
  databaseUrl: string;
  env?: Record<string, string>;
  /** Known before the start (an identity provider's redirect URL names it); else a free one. */
  port?: number;
}): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-app-"));
  const root = path.resolve(import.meta.dirname, "../..");
  // APP_NODE_ARGS: extra node flags for the server alone (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof";
  // NODE_OPTIONS refuses --cpu-prof, and would profile every process).
  const nodeArgs = (process.env.APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: options.databaseUrl,
      // The address the tests use: next-auth builds the single sign-on callback URL from it.
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // "close" comes after the process's pipes are drained: its last words are in `output` then.
  const closed = new Promise((r) => child.once("close", r));
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  if (process.env.APP_LOG) child.stdout?.pipe(createWriteStream(process.env.APP_LOG));
  if (process.env.APP_LOG) child.stderr?.pipe(createWriteStream(`${process.env.APP_LOG}.err`));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      // Its last words (why it stopped) may still be in the pipes.
      await closed;
      throw new Error(`app server exited (${child.exitCode}):\n${output}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`app server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    dataDir,
    output: () => output,
    kill: async (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill(signal);
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
