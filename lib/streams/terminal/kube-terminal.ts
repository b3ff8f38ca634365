// A terminal on a pod's container through client-node's WebSocket `Exec` (or `Attach`): the API
// server speaks v5.channel.k8s.io where it can (stdin close), channel 4 carries resizes, channel 3
// the final Status. Made with a KubeConfig acting as the person, so impersonation applies.
import { PassThrough, Writable } from "node:stream";
import { Attach, Exec, type KubeConfig, type V1Pod, type V1Status } from "@kubernetes/client-node";
import type WebSocket from "ws";
import { isMissingCommand, missingCommandMessage } from "./missing-command";
import type { TerminalSize } from "./terminal-request";
import { TerminalStartError, type TerminalEnd, type TerminalSink, type TerminalUpstream } from "./terminal-upstream";

const DEFAULT_CONTAINER = "kubectl.kubernetes.io/default-container";

/** The container a terminal opens in, checked to exist and run (and, to attach, to have a TTY). */
export function pickContainer(pod: V1Pod, asked: string | undefined, attach: boolean): string {
  const containers = pod.spec?.containers ?? [];
  const name = asked ?? pod.metadata?.annotations?.[DEFAULT_CONTAINER] ?? containers[0]?.name;
  const spec = containers.find((c) => c.name === name);
  if (!name || !spec) throw new TerminalStartError(`pod ${pod.metadata?.name} has no container "${asked ?? ""}"`);
  const state = pod.status?.containerStatuses?.find((s) => s.name === name)?.state;
  if (!state?.running) {
    const why =
      state?.waiting?.reason ?? (state?.terminated ? `terminated: ${state.terminated.reason ?? "exited"}` : "");
    throw new TerminalStartError(`container ${name} is not running${why ? ` (${why})` : ""}`);
  }
  if (attach && !(spec.tty && spec.stdin))
    throw new TerminalStartError(`attach needs a container with tty and stdin set; open a shell instead`);
  return name;
}

/** The exit code in a final Status: the kubelet's ExitCode cause, or kwok's "exit status N". */
function exitCodeOf(status: V1Status): number | null {
  if (status.status === "Success") return 0;
  const cause = status.details?.causes?.find((c) => c.reason === "ExitCode")?.message;
  const code = cause ?? /exit status (\d+)/.exec(status.message ?? "")?.[1];
  return code === undefined ? null : Number(code);
}

/** How a session ended, from the final Status on channel 3 (none: the stream just closed). */
export function terminalEndOf(status: V1Status | null, command: string[] | null): TerminalEnd {
  if (!status) return { exitCode: null, message: command === null ? "detached" : null };
  const missing = command !== null && status.status !== "Success" && isMissingCommand(status.message ?? "");
  return { exitCode: exitCodeOf(status), message: missing ? missingCommandMessage(command) : null };
}

/** client-node rejects with a ws ErrorEvent ("Unexpected server response: 403"), not an Error. */
export function describeExecRefusal(error: unknown): string {
  const message = (error as { message?: string } | null)?.message ?? String(error);
  const status = /server response: (\d{3})/.exec(message)?.[1];
  if (status === "403")
    return "the cluster refused the session (403): these credentials may not create pods/exec (or pods/attach) here";
  if (status === "401") return "the cluster refused the endpoint's credentials (401)";
  if (status) return `the API server refused the session (${status})`;
  return `could not open the session: ${message}`;
}

export async function openKubeTerminal(options: {
  kc: KubeConfig;
  namespace: string;
  pod: string;
  container: string;
  /** null: attach to the main process. */
  command: string[] | null;
  size: TerminalSize;
  sink: TerminalSink;
}): Promise<TerminalUpstream> {
  const { sink, command } = options;
  // client-node reads rows/columns and follows "resize" on stdout to feed the resize channel.
  const stdout = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        sink.output(chunk);
        done();
      },
    }),
    { rows: options.size.rows, columns: options.size.cols },
  );
  const stdin = new PassThrough();
  let status: V1Status | null = null;
  let ws: WebSocket;
  try {
    ws = (command === null
      ? await new Attach(options.kc).attach(
          options.namespace,
          options.pod,
          options.container,
          stdout,
          null,
          stdin,
          true,
        )
      : await new Exec(options.kc).exec(
          options.namespace,
          options.pod,
          options.container,
          command,
          stdout,
          null,
          stdin,
          true,
          (s) => (status = s),
        )) as unknown as WebSocket;
  } catch (error) {
    throw new TerminalStartError(describeExecRefusal(error));
  }
  const resize = (size: TerminalSize) => {
    stdout.rows = size.rows;
    stdout.columns = size.cols;
    stdout.emit("resize");
  };
  let resizedAfterOutput = false;
  ws.on("message", () => {
    // The runtime may start the process after the first size arrived: say it again once.
    if (resizedAfterOutput) return;
    resizedAfterOutput = true;
    resize({ rows: stdout.rows, cols: stdout.columns });
  });
  ws.on("close", () => sink.ended(terminalEndOf(status, command)));
  let closing = false;
  return {
    write: (data) => void stdin.write(data),
    resize,
    pause: () => ws.pause(),
    resume: () => ws.resume(),
    close: () => {
      if (closing) return;
      closing = true;
      // No signal travels over exec: interrupt and end the shell as a closing window would
      // (the runtime may otherwise keep it running). Attached, only detach: ^C would stop the app.
      if (command !== null) stdin.write("\x03\x04");
      stdin.end();
      // After the bytes above have left (ws sends in order; close would not wait for a tick).
      setTimeout(() => ws.close(), 100).unref();
    },
  };
}
