// Runs pg_dump / pg_restore and turns a failure into its own last words (the ERROR line).
import { spawn } from "node:child_process";
import type { Readable } from "node:stream";

export async function runProgram(
  program: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; stdin?: Readable },
): Promise<void> {
  const child = spawn(program, args, {
    env: options.env,
    stdio: [options.stdin ? "pipe" : "ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    if (errors.length < 64_000) errors += chunk.toString();
  });
  if (options.stdin) {
    // pg_restore stops reading on an error; the rest of the input is not its problem.
    child.stdin!.on("error", () => {});
    options.stdin.pipe(child.stdin!);
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  if (code !== 0) {
    const lines = errors
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const why = lines.filter((l) => /error|fatal/i.test(l)).pop() ?? lines.pop() ?? `exit code ${code}`;
    throw new Error(`${program.split("/").pop()} failed: ${why}`);
  }
}
