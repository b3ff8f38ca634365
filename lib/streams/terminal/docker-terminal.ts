// A terminal on a Docker container: `exec` with a TTY over the engine's hijacked connection (one
// raw byte stream each way), resized with `exec resize`; or `attach` to the main process of a
// container started with a TTY. Reading pauses with the socket, so a slow browser holds the engine.
import type { Duplex } from "node:stream";
import type Docker from "dockerode";
import { isMissingCommand, missingCommandMessage } from "./missing-command";
import type { TerminalSize } from "./terminal-request";
import { TerminalStartError, type TerminalSink, type TerminalUpstream } from "./terminal-upstream";

/** Marks the session's processes, so closing can hang them up (the engine leaves them running). */
const SESSION_ENV = "FLEETDECK_TERMINAL";

export async function openDockerTerminal(options: {
  docker: Docker;
  containerId: string;
  /** null: attach to the main process. */
  command: string[] | null;
  sessionId: string;
  size: TerminalSize;
  sink: TerminalSink;
}): Promise<TerminalUpstream> {
  const container = options.docker.getContainer(options.containerId);
  const info = await container.inspect();
  if (!info.State.Running)
    throw new TerminalStartError(`the container is not running (${info.State.Status}): start it first`);
  if (options.command === null) {
    if (!info.Config.Tty)
      throw new TerminalStartError("attach needs a container started with a TTY (docker run -t); open a shell instead");
    const stream = (await container.attach({
      stream: true,
      stdin: true,
      stdout: true,
      stderr: true,
      hijack: true,
    })) as Duplex;
    return await follow(stream, options, {
      resize: (size) => container.resize({ h: size.rows, w: size.cols }),
      // The main process goes on; detaching only ends this view of it.
      hangUp: async () => {},
      ended: async () => {
        const state = (await container.inspect()).State;
        return state.Running
          ? { exitCode: null, message: "detached" }
          : { exitCode: state.ExitCode, message: "the container's main process ended" };
      },
    });
  }
  const command = options.command;
  const exec = await container.exec({
    Cmd: command,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: true,
    Env: ["TERM=xterm-256color", `${SESSION_ENV}=${options.sessionId}`],
  });
  const stream = (await exec.start({ hijack: true, stdin: true, Tty: true } as never)) as unknown as Duplex;
  let firstBytes = "";
  return await follow(stream, options, {
    resize: (size) => exec.resize({ h: size.rows, w: size.cols }),
    hangUp: () => hangUp(container, options.sessionId),
    observe: (chunk) => {
      if (firstBytes.length < 1024) firstBytes += chunk.toString("utf8", 0, 1024);
    },
    ended: async () => {
      const { ExitCode } = await exec.inspect();
      const missing = (ExitCode === 126 || ExitCode === 127) && isMissingCommand(firstBytes);
      return { exitCode: ExitCode ?? null, message: missing ? missingCommandMessage(command) : null };
    },
  });
}

async function follow(
  stream: Duplex,
  options: { size: TerminalSize; sink: TerminalSink },
  how: {
    resize(size: TerminalSize): Promise<unknown>;
    hangUp(): Promise<void>;
    observe?(chunk: Buffer): void;
    ended(): Promise<{ exitCode: number | null; message: string | null }>;
  },
): Promise<TerminalUpstream> {
  // The engine client's request timeout stays on the socket it hands over: a quiet shell is not a
  // stuck request.
  (stream as Duplex & { setTimeout?(ms: number): void }).setTimeout?.(0);
  let closing = false;
  let size = options.size;
  let resizedAfterOutput = false;
  // A resize is a request of its own: keys typed after it wait for it, so `stty size` typed after
  // a resize answers the new size. Without a resize in flight keys go straight through.
  let chain: Promise<void> | null = null;
  const afterResizes = (step: () => Promise<unknown> | void) => {
    const done = (chain ?? Promise.resolve()).then(step).then(
      () => {},
      () => {},
    );
    chain = done;
    void done.then(() => {
      if (chain === done) chain = null;
    });
  };
  const resize = (next: TerminalSize) => {
    size = next;
    // A resize of a process that just ended is refused (409): nothing to tell anyone.
    afterResizes(() => how.resize(next));
  };
  const write = (data: string) => {
    if (!stream.writable) return;
    if (chain) afterResizes(() => void (stream.writable && stream.write(data)));
    else stream.write(data);
  };
  stream.on("data", (chunk: Buffer) => {
    how.observe?.(chunk);
    // API 1.41 has no size at create: the first resize may race the process's start.
    if (!resizedAfterOutput) {
      resizedAfterOutput = true;
      resize(size);
    }
    options.sink.output(chunk);
  });
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    how
      .ended()
      .catch(() => ({ exitCode: null, message: null }))
      .then((end) => options.sink.ended(end));
  };
  stream.on("end", finish);
  stream.on("close", finish);
  stream.on("error", finish);
  // The TTY has its size before the person's first key is accepted (`stty size` answers it).
  await how.resize(size).catch(() => {});
  return {
    write,
    resize,
    pause: () => void stream.pause(),
    resume: () => void stream.resume(),
    close: () => {
      if (closing) return;
      closing = true;
      void how.hangUp().finally(() => stream.destroy());
    },
  };
}

/**
 * What a terminal window closing does: SIGHUP to every process of the session (found by its
 * environment marker), then SIGKILL to any still there. Needs sh, tr and grep in the image; without
 * them the processes stay until they exit by themselves.
 */
async function hangUp(container: Docker.Container, sessionId: string): Promise<void> {
  const marker = `${SESSION_ENV}=${sessionId}`;
  const each = (signal: string) =>
    `for p in /proc/[0-9]*; do tr '\\0' '\\n' < "$p/environ" 2>/dev/null | grep -qx '${marker}' && kill -${signal} "\${p#/proc/}" 2>/dev/null; done`;
  try {
    const killer = await container.exec({ Cmd: ["sh", "-c", `${each("HUP")}; sleep 2; ${each("KILL")}`] });
    await killer.start({ Detach: true });
  } catch {
    // The container stopped meanwhile, or has no shell: nothing more to do.
  }
}
