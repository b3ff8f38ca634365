// The one map of socket event → payload, shared by the server and the browser.
import type { AuditFilterParams } from "../audit/audit-filter";
import type { AuditRow } from "../audit/audit-row";
import type { ContainerRow } from "../docker/container-view";
import type { EndpointView } from "../endpoints/view";
import type { FleetSummary } from "../fleet/fleet-summary";
import type { ClusterOverview } from "../kube/cluster-overview";
import type { KubeRow } from "../kube/kinds/row";
import type { WireFrame } from "../streams/wire-frame";
import type { LogLine } from "../streams/log-line";
import type { LogTarget } from "../streams/log-target";
import type { PaletteAnswer } from "../search/palette-item";
import type { TerminalRequest } from "../streams/terminal/terminal-request";
import type { UsageInfo, UsagePoint, UsageSeries, UsageTarget } from "../streams/usage/usage-types";

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
  /** A batch of log lines of one member of a subscription; acknowledged to get the next. */
  "logs:frame": (frame: WireFrame, ack: () => void) => void;
  /** Sources joined or left a subscription (pods of a workload, containers with a label). */
  "logs:members": (event: { subscriptionId: string; joined: LogMember[]; left: string[] }) => void;
  /**
   * Changes to a kube:watch's rows, in batches: rows to add or replace, and uids of rows gone.
   * Acknowledged; while two are unacknowledged, further changes are merged per object and sent
   * after, so a slow browser costs at most one row per object.
   */
  "kube:rows": (event: { watchId: string; upserts: KubeRow[]; deletes: string[] }, ack: () => void) => void;
  /**
   * The upstream watch was lost (`error`; being re-established, rows may be stale) or is back
   * (`error: null`); `closed`: the server ended this watch (access revoked or changed, endpoint
   * deleted) and sends nothing more for it.
   */
  "kube:watch-status": (event: { watchId: string; error: string | null; closed: boolean }) => void;
  /** A live cluster overview changed; `closed`: access ended and nothing more comes for it. */
  "kube:overview": (event: { endpointId: string; overview: ClusterOverview | null; closed: boolean }) => void;
  /**
   * One endpoint's fleet figures changed (or could not be read: `summary.error`); `closed`: the
   * viewer may no longer see it and nothing more comes for it.
   */
  "fleet:summary": (event: { endpointId: string; summary: FleetSummary | null; closed: boolean }) => void;
  /** A new audit row matching the tab's audit:watch filter. */
  "audit:row": (row: AuditRow) => void;
  /** The server ended the tab's audit:watch (the person may no longer read the audit log). */
  "audit:closed": (event: { reason: string }) => void;
  /**
   * Output of a terminal as raw bytes (UTF-8 may be cut anywhere: the terminal decodes a stream);
   * acknowledged to get more — unacknowledged output pauses the program upstream.
   */
  "exec:output": (event: { sessionId: string; data: Uint8Array }, ack: () => void) => void;
  /**
   * A terminal ended: the program exited (`exitCode`), or the server ended it (`message` says why:
   * idle, access revoked, the shell does not exist, …). Nothing more comes for it.
   */
  "exec:ended": (event: { sessionId: string; exitCode: number | null; message: string | null }) => void;
  /** Sent just before the server closes the socket: the user was disabled, the session expired… */
  "session:ended": (event: { reason: string }) => void;
  /** New samples of a usage:watch (and the facts beside them, when they changed). */
  "usage:points": (event: { watchId: string; points: UsagePoint[]; info: UsageInfo | null }) => void;
  /** The upstream is in trouble (`error`) or fine again; `closed`: access ended, nothing more comes. */
  "usage:status": (event: { watchId: string; error: string | null; closed: boolean }) => void;
}

export interface DockerEventSummary {
  endpointId: string;
  type: string;
  action: string;
  id: string;
  time: number;
}

export type Ack<T> = (result: { ok: true; data: T } | { ok: false; error: string }) => void;

/** Every client → server event; each payload is parsed by its schema in event-schemas.ts. */
export interface ClientToServerEvents {
  /** Start receiving status and changes of every endpoint the user may see. */
  "endpoints:watch": (ack: Ack<{ endpointIds: string[] }>) => void;
  /** Follow a Docker endpoint's events (containers, images, volumes, networks). */
  "docker:watch": (request: { endpointId: string }, ack: Ack<{ connected: boolean }>) => void;
  "docker:unwatch": (request: { endpointId: string }, ack?: Ack<null>) => void;
  /** Follow a Kubernetes resource's objects as list rows: the current rows now, then kube:rows. */
  "kube:watch": (request: KubeWatchRequest, ack: Ack<{ watchId: string; rows: KubeRow[] }>) => void;
  "kube:unwatch": (request: { watchId: string }, ack?: Ack<null>) => void;
  /** A cluster's overview now, then kube:overview whenever it changes. */
  "kube:overview": (request: { endpointId: string }, ack: Ack<{ overview: ClusterOverview }>) => void;
  "kube:overview-stop": (request: { endpointId: string }, ack?: Ack<null>) => void;
  /** Every visible endpoint's fleet summary, each pushed as fleet:summary when known or changed. */
  "fleet:watch": (ack: Ack<{ endpointIds: string[] }>) => void;
  "fleet:unwatch": (ack?: Ack<null>) => void;
  /** New audit rows matching the filter (the API's filter fields), within what the person may read. */
  "audit:watch": (filter: AuditFilterParams, ack: Ack<{ scope: "all" | "endpoints" }>) => void;
  "audit:unwatch": (ack?: Ack<null>) => void;
  /** Follow a container's logs: the last `tail` lines, or everything after `since` (resume). */
  "logs:subscribe": (request: LogSubscribeRequest, ack: Ack<{ subscriptionId: string; label: string }>) => void;
  "logs:unsubscribe": (request: { subscriptionId: string }, ack?: Ack<null>) => void;
  /** grep with context across the recent lines the server holds for these subscriptions. */
  "logs:search": (request: LogSearchRequest, ack: Ack<LogSearchResult>) => void;
  /** Opens a terminal (a shell, a command, or attached to the main process); output follows as exec:output. */
  "exec:start": (request: TerminalRequest, ack: Ack<{ sessionId: string; command: string[] | null }>) => void;
  /** Keys (and pastes) typed into a terminal. */
  "exec:input": (request: { sessionId: string; data: string }, ack?: Ack<null>) => void;
  "exec:resize": (request: { sessionId: string; cols: number; rows: number }, ack?: Ack<null>) => void;
  /** Closes a terminal: its process is hung up (detached, when attached). */
  "exec:close": (request: { sessionId: string }, ack?: Ack<null>) => void;
  /** The command palette: objects on every endpoint the user may see, by name, from memory. */
  "palette:search": (request: { q: string; limit?: number }, ack: Ack<PaletteAnswer>) => void;
  /** Live usage of a container, an engine, a pod or a node: the last 15 minutes now, then usage:points. */
  "usage:watch": (
    request: { endpointId: string; target: UsageTarget },
    ack: Ack<{ watchId: string; series: UsageSeries; error: string | null }>,
  ) => void;
  "usage:unwatch": (request: { watchId: string }, ack?: Ack<null>) => void;
}

export interface KubeWatchRequest {
  endpointId: string;
  /** A resource id as in dashboard URLs: "pods", "deployments.apps". */
  resource: string;
  /** Omitted: every namespace the user may read (ignored for cluster-wide kinds, which refuse it). */
  namespaces?: string[];
  /** Only the object with this name. */
  name?: string;
  /** Events only: those about the object with this uid. */
  about?: string;
}

/** One source inside a subscription: `key` tags its frames. */
export interface LogMember {
  key: string;
  label: string;
}

export interface LogSearchRequest {
  subscriptionIds: string[];
  pattern: string;
  regex?: boolean;
  /** Lines of context before and after each match. */
  context?: number;
}

export interface LogSearchResult {
  matches: {
    subscriptionId: string;
    member: string;
    label: string;
    before: LogLine[];
    line: LogLine;
    after: LogLine[];
  }[];
  /** More matches existed than were returned (or the reply reached its size limit). */
  truncated: boolean;
  searchedLines: number;
  /** Not every held line was searched (a limit was reached): says which part was. */
  incomplete?: string;
}

export interface LogSubscribeRequest {
  endpointId: string;
  target: LogTarget;
  tail?: number;
  /** Where members without a resume point start (an RFC 3339 time); else the last `tail` lines. */
  since?: string;
  /** After a reconnect: the last timestamp received per member key. */
  resume?: Record<string, string>;
}
