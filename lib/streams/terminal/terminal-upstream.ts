// One interface for a running terminal upstream, Docker exec/attach or Kubernetes exec/attach, so
// the session (flow control, idle timeout, audit) does not care which is behind it.
import type { TerminalSize } from "./terminal-request";

export interface TerminalEnd {
  /** The process's exit code when known. */
  exitCode: number | null;
  /** Why it ended, for the person ("bash does not exist in this image"); null for a plain exit. */
  message: string | null;
}

/** What an upstream tells the session. */
export interface TerminalSink {
  output(chunk: Buffer): void;
  /** Called once, whichever side ended it. */
  ended(end: TerminalEnd): void;
}

export interface TerminalUpstream {
  write(data: string): void;
  resize(size: TerminalSize): void;
  /** Stop reading upstream (the browser is behind); resume when it caught up. */
  pause(): void;
  resume(): void;
  /** End the session upstream (hang up the process; detach when attached). Idempotent. */
  close(): void;
}

/** A refusal before anything ran, in words for the person (not running, no TTY, no such container). */
export class TerminalStartError extends Error {}
