// The two ways a bench talks to a shell in a container: through the dashboard's socket (as the
// browser does) and straight to the engine with dockerode (the floor). Both give one interface.
import type { Duplex } from "node:stream";
import type Docker from "dockerode";
import { terminalSocket } from "../../tests/support/terminal-socket";

export interface BenchShell {
  type(data: string): void;
  /** Called with every chunk of output until the returned function is called. */
  listen(onChunk: (chunk: Buffer) => void): () => void;
  close(): void;
}

export async function dashboardShell(options: {
  appUrl: string;
  cookie: string;
  endpointId: string;
  containerId: string;
}): Promise<BenchShell> {
  const t = terminalSocket(options.appUrl, options.cookie, { keep: false });
  const started = await t.start({
    endpointId: options.endpointId,
    target: { kind: "container", containerId: options.containerId },
    start: { mode: "shell", shell: "sh" },
    size: { cols: 120, rows: 40 },
  });
  if (!started.ok) throw new Error(`exec:start: ${started.error}`);
  const sessionId = started.data!.sessionId;
  return {
    type: (data) => t.type(sessionId, data),
    listen(onChunk) {
      const listener = (id: string, bytes: Buffer) => id === sessionId && onChunk(Buffer.from(bytes));
      t.listeners.add(listener);
      return () => t.listeners.delete(listener);
    },
    close: () => t.socket.close(),
  };
}

export async function directShell(docker: Docker, containerId: string): Promise<BenchShell> {
  const exec = await docker.getContainer(containerId).exec({
    Cmd: ["sh"],
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: true,
  });
  const stream = (await exec.start({ hijack: true, stdin: true, Tty: true } as never)) as unknown as Duplex;
  await exec.resize({ h: 40, w: 120 });
  const listeners = new Set<(chunk: Buffer) => void>();
  stream.on("data", (chunk: Buffer) => listeners.forEach((l) => l(chunk)));
  return {
    type: (data) => void stream.write(data),
    listen(onChunk) {
      listeners.add(onChunk);
      return () => listeners.delete(onChunk);
    },
    close: () => {
      stream.write("\x03exit\n");
      stream.end();
    },
  };
}

/** Resolves once the output seen from now on contains `marker`. */
export function waitFor(shell: BenchShell, marker: string, timeoutMs = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let tail = "";
    const timer = setTimeout(() => (stop(), reject(new Error(`no "${marker}" in ${timeoutMs} ms`))), timeoutMs);
    const stop = shell.listen((chunk) => {
      tail = (tail + chunk.toString("latin1")).slice(-marker.length - 4096);
      if (tail.includes(marker)) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}
