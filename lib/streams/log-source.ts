// "A runtime we can tail": every kind of log source (a Docker container, a Kubernetes pod
// container) opens a follow stream the same way, so the hub and the viewer do not care which.
import type { LogLine } from "./log-line";

export interface LogSourceOpenOptions {
  /** Lines after this upstream timestamp only (resume); else the last `tail` lines. */
  since?: string;
  tail: number;
}

export interface LogSource {
  /** Identifies the upstream: identical keys share one upstream stream. */
  key: string;
  /** Human label of the source (container or pod/container name). */
  label: string;
  endpointId: string;
  /**
   * What is really read, across endpoints (a Docker engine's ID + the container ID): one viewer
   * follows it once even when two of its endpoints lead to the same engine. Defaults to `key`.
   */
  identity?: string;
  /** For Kubernetes sources: checked against the viewer's namespace grants. */
  namespace?: string;
  /** A finished log (a previous container instance): its end is final, not re-opened. */
  once?: boolean;
  /**
   * Opens a follow stream. `onLines` gets batches in upstream order; `onEnd` fires once when the
   * upstream ends (container stopped, connection lost). Returns a function that stops it.
   */
  open(
    options: LogSourceOpenOptions,
    onLines: (lines: LogLine[]) => void,
    onEnd: (error?: Error) => void,
  ): Promise<() => void>;
}
