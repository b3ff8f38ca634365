// The one map of socket event → payload, shared by the server and the browser.
import type { ContainerRow } from "../docker/container-view";
import type { EndpointView } from "../endpoints/view";
import type { LogFrame } from "../streams/client-queue";

export interface EndpointStatusEvent {
  id: string;
  status: EndpointView["status"];
  version: string | null;
  lastError: string | null;
  lastCheckedAt: string | null;
  sshHostKey: string | null;
}

export interface ServerToClientEvents {
  "endpoint:status": (event: EndpointStatusEvent) => void;
  "endpoint:changed": (event: { endpoint: EndpointView }) => void;
  "endpoint:removed": (event: { id: string }) => void;
  /** A container changed on a watched Docker endpoint: its new row, or null once removed. */
  "docker:container": (event: { endpointId: string; id: string; row: ContainerRow | null }) => void;
  /** Something else changed (image, volume, network): lists of that type are stale. */
  "docker:event": (event: DockerEventSummary) => void;
  /** The engine's event stream was lost (and is being re-established) or is back. */
  "docker:stream": (event: { endpointId: string; connected: boolean; error?: string }) => void;
  /** A batch of log lines for one subscription; the client acknowledges it to get the next. */
  "logs:frame": (frame: LogFrame & { subscriptionId: string }, ack: () => void) => void;
}

export interface DockerEventSummary {
  endpointId: string;
  type: string;
  action: string;
  id: string;
  time: number;
}

export type Ack<T> = (result: { ok: true; data: T } | { ok: false; error: string }) => void;

export interface ClientToServerEvents {
  /** Start receiving status and changes of every endpoint the user may see. */
  "endpoints:watch": (ack: Ack<{ endpointIds: string[] }>) => void;
  /** Follow a Docker endpoint's events (containers, images, volumes, networks). */
  "docker:watch": (request: { endpointId: string }, ack: Ack<{ connected: boolean }>) => void;
  "docker:unwatch": (request: { endpointId: string }) => void;
  /** Follow a container's logs: the last `tail` lines, or everything after `since` (resume). */
  "logs:subscribe": (request: LogSubscribeRequest, ack: Ack<{ subscriptionId: string; label: string }>) => void;
  "logs:unsubscribe": (request: { subscriptionId: string }) => void;
}

export type LogTarget =
  | { kind: "container"; containerId: string }
  | { kind: "pod"; namespace: string; pod: string; container?: string };

export interface LogSubscribeRequest {
  endpointId: string;
  target: LogTarget;
  tail?: number;
  since?: string;
}
