// A Docker engine of a test's own, started for it and removed with everything in it afterwards:
// for work that would crowd the shared test engines (an image build leaves gigabytes of layers).
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Docker from "dockerode";
import { startDockerEngine } from "../../scripts/testenv/docker-engines";
import { stopPid } from "../../scripts/testenv/processes";

export interface PrivateEngine {
  docker: Docker;
  socketPath: string;
  /** Runs the docker command line against this engine (classic builder); rejects with its output. */
  cli(args: string[], options?: { onOutput?: (text: string) => void }): Promise<string>;
  /** Stops the engine and deletes its data (images, containers, layers). */
  remove(): Promise<void>;
}

export async function startPrivateEngine(name: string): Promise<PrivateEngine> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-engine-"));
  const pids: number[] = [];
  try {
    const engine = await startDockerEngine({ dir, name, pids });
    const env = { ...process.env, DOCKER_HOST: `unix://${engine.socketPath}`, DOCKER_BUILDKIT: "0" };
    return {
      docker: new Docker({ socketPath: engine.socketPath }),
      socketPath: engine.socketPath,
      cli: (args, options = {}) =>
        new Promise((resolve, reject) => {
          const child = spawn("docker", args, { env, stdio: ["ignore", "pipe", "pipe"] });
          let output = "";
          const take = (chunk: Buffer) => {
            output += chunk.toString();
            options.onOutput?.(chunk.toString());
          };
          child.stdout.on("data", take);
          child.stderr.on("data", take);
          child.on("error", reject);
          child.on("close", (code) =>
            code === 0
              ? resolve(output)
              : reject(new Error(`docker ${args[0]} failed (${code}):\n${output.slice(-4000)}`)),
          );
        }),
      remove: async () => {
        await stopPid(engine.pid, 30_000);
        removeDir(dir);
      },
    };
  } catch (error) {
    for (const pid of pids) await stopPid(pid);
    removeDir(dir);
    throw error;
  }
}

/** A stopped engine may leave mounts (its network namespace file) below its directories. */
function removeDir(dir: string): void {
  const mounts = readFileSync("/proc/self/mounts", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[1] ?? "")
    .filter((point) => point.startsWith(`${dir}/`))
    .sort()
    .reverse();
  for (const point of mounts) execFileSync("umount", ["-l", point]);
  rmSync(dir, { recursive: true, force: true });
}
