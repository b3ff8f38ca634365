// Builds the product image from this checkout's Dockerfile on a private engine, on a base image made
// from this machine's node (scripts/image/build-base-image.sh: no registry needed), and says how long
// each build step took.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { PrivateEngine } from "./private-engine";

const root = path.resolve(import.meta.dirname, "../..");

export interface BuiltImage {
  tag: string;
  baseTag: string;
  /** Bytes, as `docker images` counts them (base image included). */
  size: number;
  /** "Step 6/18 : RUN npm ci …" → seconds, for steps that took a second or more. */
  slowSteps: { step: string; seconds: number }[];
  seconds: number;
}

export async function buildProductImage(engine: PrivateEngine, tag: string): Promise<BuiltImage> {
  const started = Date.now();
  const baseTag = `${tag}-base`;
  await promisify(execFile)("sh", [path.join(root, "scripts/image/build-base-image.sh"), baseTag], {
    env: { ...process.env, DOCKER_HOST: `unix://${engine.socketPath}` },
  });
  const steps: { step: string; at: number }[] = [];
  let pending = "";
  await engine.cli(["build", "--network", "host", "--build-arg", `BASE_IMAGE=${baseTag}`, "-t", tag, root], {
    onOutput: (text) => {
      const lines = (pending + text).split("\n");
      pending = lines.pop()!;
      for (const line of lines) if (line.startsWith("Step ")) steps.push({ step: line.slice(0, 90), at: Date.now() });
    },
  });
  const finished = Date.now();
  const slowSteps = steps
    .map(({ step, at }, i) => ({ step, seconds: Math.round(((steps[i + 1]?.at ?? finished) - at) / 1000) }))
    .filter((s) => s.seconds >= 1);
  const size = (await engine.docker.getImage(tag).inspect()).Size;
  return { tag, baseTag, size, slowSteps, seconds: Math.round((finished - started) / 1000) };
}

/** Every path in the image's filesystem (from a container made of it, never started). */
export async function imageFiles(engine: PrivateEngine, tag: string): Promise<string[]> {
  const id = (await engine.cli(["create", tag])).trim();
  try {
    const { stdout } = await promisify(execFile)("sh", ["-c", `docker export ${id} | tar -t`], {
      env: { ...process.env, DOCKER_HOST: `unix://${engine.socketPath}` },
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout.split("\n").filter(Boolean);
  } finally {
    await engine.cli(["rm", id]);
  }
}
