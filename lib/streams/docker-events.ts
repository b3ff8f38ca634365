// One upstream /events stream per Docker endpoint per server instance, shared by every watching
// client (a socket.io room). Container events are turned into the container's fresh row; a lost
// stream is re-opened with `since` (no missed event) and clients are told while it is down.
// The upstream closes when the last watcher leaves.
import type Docker from "dockerode";
import { rowFromInspect, type ContainerRow } from "../docker/container-view";
import type { DockerEventSummary } from "../realtime/events";

export interface DockerEventSink {
  container(event: { endpointId: string; id: string; row: ContainerRow | null }): void;
  other(event: DockerEventSummary): void;
  stream(event: { endpointId: string; connected: boolean; error?: string }): void;
}

interface Upstream {
  stream: NodeJS.ReadableStream | null;
  connected: boolean;
  lastTimeNano: number;
  seenAtLast: Set<string>;
  retry: NodeJS.Timeout | null;
  closed: boolean;
  /** Row lookups run one after another so rows are pushed in event order. */
  queue: Promise<void>;
}

interface RawEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string };
  id?: string;
  timeNano?: number;
  time?: number;
}

const RETRY_MS = [250, 500, 1000, 2000, 5000];

export type DockerFactory = () => Docker | Promise<Docker>;

export class DockerEventHub {
  private upstreams = new Map<string, Upstream>();

  constructor(
    private readonly sink: DockerEventSink,
    private readonly log: (message: string) => void = () => {},
  ) {}

  isConnected(endpointId: string): boolean {
    return this.upstreams.get(endpointId)?.connected ?? false;
  }

  /**
   * Opens the endpoint's upstream if it is not open yet. `docker` is asked again on every
   * (re)connect, so a repaired credential is picked up; when it fails, that is retried too.
   */
  ensure(endpointId: string, docker: DockerFactory): void {
    if (this.upstreams.has(endpointId)) return;
    const upstream: Upstream = {
      stream: null,
      connected: false,
      lastTimeNano: Date.now() * 1e6,
      seenAtLast: new Set(),
      retry: null,
      closed: false,
      queue: Promise.resolve(),
    };
    this.upstreams.set(endpointId, upstream);
    void this.open(endpointId, upstream, docker, 0);
  }

  /** Closes the endpoint's upstream (nobody watches it any more). */
  release(endpointId: string): void {
    const upstream = this.upstreams.get(endpointId);
    if (!upstream) return;
    upstream.closed = true;
    if (upstream.retry) clearTimeout(upstream.retry);
    (upstream.stream as unknown as { destroy?: () => void } | null)?.destroy?.();
    this.upstreams.delete(endpointId);
  }

  /** Resolves once the container events received so far have been turned into rows and sent. */
  settled(endpointId: string): Promise<void> {
    return this.upstreams.get(endpointId)?.queue ?? Promise.resolve();
  }

  get openCount(): number {
    return this.upstreams.size;
  }

  /** Endpoints with an open upstream. */
  endpointIds(): string[] {
    return [...this.upstreams.keys()];
  }

  private async open(endpointId: string, upstream: Upstream, docker: DockerFactory, attempt: number): Promise<void> {
    const since = `${Math.floor(upstream.lastTimeNano / 1e9)}.${String(upstream.lastTimeNano % 1e9).padStart(9, "0")}`;
    try {
      // Inside the try: an unreadable credential is a lost stream like any other, not a rejection.
      const client = await docker();
      if (upstream.closed) return;
      // The engine takes fractional seconds; dockerode's type says number.
      const stream = await client.getEvents({ since } as unknown as Docker.GetEventsOptions);
      if (upstream.closed) return void (stream as unknown as { destroy(): void }).destroy();
      upstream.stream = stream;
      upstream.connected = true;
      this.sink.stream({ endpointId, connected: true });
      let buffer = "";
      stream.on("data", (chunk: Buffer) => {
        buffer += chunk.toString("utf8");
        let newline: number;
        while ((newline = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, newline).trim();
          buffer = buffer.slice(newline + 1);
          if (line) this.handle(endpointId, upstream, client, line);
        }
      });
      const lost = (error?: Error) => {
        if (upstream.closed || upstream.stream !== stream) return;
        upstream.stream = null;
        this.reconnect(endpointId, upstream, docker, 0, error?.message ?? "the engine closed the event stream");
      };
      stream.on("end", () => lost());
      stream.on("close", () => lost());
      stream.on("error", lost);
    } catch (error) {
      this.reconnect(endpointId, upstream, docker, attempt + 1, (error as Error).message);
    }
  }

  private reconnect(endpointId: string, upstream: Upstream, docker: DockerFactory, attempt: number, error: string) {
    if (upstream.closed) return;
    if (upstream.connected || attempt === 1) this.sink.stream({ endpointId, connected: false, error });
    upstream.connected = false;
    this.log(`docker events of ${endpointId}: ${error}; reconnecting`);
    const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!;
    upstream.retry = setTimeout(() => void this.open(endpointId, upstream, docker, attempt), delay);
  }

  private handle(endpointId: string, upstream: Upstream, docker: Docker, line: string) {
    let event: RawEvent;
    try {
      event = JSON.parse(line) as RawEvent;
    } catch {
      return;
    }
    const timeNano = event.timeNano ?? (event.time ?? 0) * 1e9;
    const id = event.Actor?.ID ?? event.id ?? "";
    const key = `${event.Type}:${event.Action}:${id}`;
    // `since` is inclusive: skip what was already delivered at the resume point.
    if (timeNano < upstream.lastTimeNano || (timeNano === upstream.lastTimeNano && upstream.seenAtLast.has(key)))
      return;
    if (timeNano > upstream.lastTimeNano) upstream.seenAtLast.clear();
    upstream.lastTimeNano = timeNano;
    upstream.seenAtLast.add(key);
    const type = event.Type ?? "unknown";
    const action = (event.Action ?? "").split(":")[0]!;
    if (type === "container") {
      // exec_* and health probes say nothing about the row
      if (action.startsWith("exec_") || action === "top") return;
      upstream.queue = upstream.queue.then(async () => {
        const row = await this.containerRow(docker, id);
        if (row !== undefined) this.sink.container({ endpointId, id, row });
      });
    } else {
      this.sink.other({ endpointId, type, action, id, time: Math.floor(timeNano / 1e6) });
    }
  }

  /** The fresh row; null once removed; undefined when the engine could not say (nothing is sent). */
  private async containerRow(docker: Docker, id: string): Promise<ContainerRow | null | undefined> {
    try {
      return rowFromInspect(await docker.getContainer(id).inspect());
    } catch (error) {
      return (error as { statusCode?: number }).statusCode === 404 ? null : undefined;
    }
  }
}
