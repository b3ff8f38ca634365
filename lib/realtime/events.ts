// The one map of socket event → payload, shared by the server and the browser.
import type { EndpointView } from "../endpoints/view";

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
}

export type Ack<T> = (result: { ok: true; data: T } | { ok: false; error: string }) => void;

export interface ClientToServerEvents {
  /** Start receiving status and changes of every endpoint the user may see. */
  "endpoints:watch": (ack: Ack<{ endpointIds: string[] }>) => void;
}
