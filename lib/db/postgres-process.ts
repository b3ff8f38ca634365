// Runs PostgreSQL's own programs for lib/db/embedded-postgres.ts: initdb on first use, then the
// server, as the `postgres` user when we are root; failures come back in plain words.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chown, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PostgresBinaries } from "./postgres-binaries";
import type { PostgresUser } from "./postgres-user";

type Log = (line: string) => void;

/** Runs a PostgreSQL program (as `user` when given) and turns failures to start it into plain words. */
function run(file: string, args: string[], user: PostgresUser | null, onOutput: (text: string) => void) {
  const child = spawn(file, args, {
    cwd: "/", // the caller's directory may be one the postgres user cannot enter
    env: { ...process.env, LC_MESSAGES: "C" },
    stdio: ["ignore", "pipe", "pipe"],
    ...(user ?? {}),
  });
  child.stdout!.on("data", (chunk: Buffer) => onOutput(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => onOutput(chunk.toString()));
  const failed = new Promise<never>((_, reject) =>
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(`could not run ${file}${user ? " as the postgres user" : ""} (${error.code ?? error.message})`)),
    ),
  );
  return { child, failed };
}

/** The last FATAL/ERROR line of PostgreSQL's output, which says what went wrong. */
function cause(output: string): string {
  const lines = output.split("\n").map((l) => l.trim());
  return (
    lines.filter((l) => /FATAL|ERROR|error|cannot|could not/.test(l)).pop() ??
    lines.filter(Boolean).pop() ??
    "no output"
  );
}

export async function initialise(
  bin: PostgresBinaries,
  databaseDir: string,
  password: string,
  user: PostgresUser | null,
) {
  await mkdir(databaseDir, { recursive: true, mode: 0o700 });
  if (user) await chown(databaseDir, user.uid, user.gid);
  const passwordFile = path.join(os.tmpdir(), `fleetdeck-pg-password-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, password + "\n", { mode: 0o600 });
  if (user) await chown(passwordFile, user.uid, user.gid);
  let output = "";
  try {
    const args = [`--pgdata=${databaseDir}`, "--auth=scram-sha-256", "--username=postgres"];
    const { child, failed } = run(bin.initdb, [...args, `--pwfile=${passwordFile}`, "--lc-messages=C"], user, (t) => {
      output += t;
    });
    const code = await Promise.race([failed, new Promise<number | null>((r) => child.once("close", r))]);
    if (code !== 0) throw new Error(`initdb failed: ${cause(output)}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

export function startServer(
  bin: PostgresBinaries,
  databaseDir: string,
  port: number,
  user: PostgresUser | null,
  log: Log,
) {
  let output = "";
  const { child, failed } = run(
    bin.postgres,
    ["-D", databaseDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1"],
    user,
    (text) => {
      if (output.length < 64_000) output += text;
      for (const line of text.split("\n")) if (line.trim()) log(line.trim());
    },
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`PostgreSQL did not start within 60 s: ${cause(output)}`));
    }, 60_000);
    child.stderr!.on("data", () => {
      if (output.includes("ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", () => {
      clearTimeout(timer);
      const inUse = /lock file "postmaster.pid" already exists/.test(output);
      reject(
        new Error(
          inUse
            ? `its files in ${databaseDir} are in use by another server (is Fleetdeck already running? stop it first)`
            : `PostgreSQL stopped while starting: ${cause(output)}`,
        ),
      );
    });
  });
  return { child, ready: Promise.race([failed, ready]) };
}

export function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT"); // "fast" shutdown: ends sessions, writes a checkpoint
  });
}
