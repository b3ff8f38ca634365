// Reads a new password for `npm run admin`: from standard input when it is not a terminal (or with
// --password-stdin), otherwise by asking twice on the terminal without echoing what is typed.
import { text } from "node:stream/consumers";

function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stdout.write(question);
  input.setRawMode(true);
  input.resume();
  input.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let typed = "";
    const done = (error: Error | null) => {
      input.setRawMode(false);
      input.pause();
      input.removeListener("data", onData);
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") return done(null);
        if (char === "\u0003" || char === "\u0004") return done(new Error("cancelled"));
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on("data", onData);
  });
}

export async function readPassword(options: { fromStdin: boolean }): Promise<string> {
  if (options.fromStdin || !process.stdin.isTTY) {
    // One trailing line break is the end of the line, not part of the password.
    return (await text(process.stdin)).replace(/\r?\n$/, "");
  }
  const first = await promptHidden("New password: ");
  const second = await promptHidden("Repeat it: ");
  if (first !== second) throw new Error("the two passwords differ; nothing was changed");
  return first;
}
