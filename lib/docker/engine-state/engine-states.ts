// This instance's Docker engines, one entry per endpoint in use: its event stream (one upstream,
// DockerEventHub) and its containers kept current from it (EngineContainers). Held by whoever needs
// the engine live — socket rooms, the palette, the fleet cards, the containers API for a while after
// a read — and closed when the last hold ends. On globalThis: route code is bundled apart from
// server.ts, and both must share one stream per engine.
import { createHash } from "node:crypto";
import { db, type Endpoint } from "../../db/client";
import { dockerClient } from "../../endpoints/docker-client";
import type { DockerEventSummary } from "../../realtime/events";
import { lineLogger } from "../../log/logger";
import { countUpstreamStreams } from "../../metrics/upstream-streams";
import { DockerEventHub } from "../../streams/docker-events";
import type { ContainerRow } from "../container-view";
import { EngineContainers } from "./engine-containers";

/** What a holder hears of the engine (each part optional). */
export interface EngineListener {
  container?(id: string, row: ContainerRow | null): void;
  other?(event: DockerEventSummary): void;
  stream?(event: { connected: boolean; error?: string }): void;
}

interface Entry {
  containers: EngineContainers;
  /** The connection settings the stream was last opened with (see connectionFingerprint). */
  fingerprint: string | null;
  listeners: Set<EngineListener>;
  holds: number;
  /** Kept open at least until then with no holder (a reader that will likely read again). */
  keepUntil: number;
  keepTimer: NodeJS.Timeout | null;
}

interface Registry {
  hub: DockerEventHub;
  entries: Map<string, Entry>;
}

const key = Symbol.for("fleetdeck.engineStates");

function registry(): Registry {
  const holder = globalThis as { [key]?: Registry };
  if (holder[key]) return holder[key];
  const entries = new Map<string, Entry>();
  const each = (endpointId: string, tell: (l: EngineListener) => void) =>
    entries.get(endpointId)?.listeners.forEach(tell);
  const hub = new DockerEventHub(
    {
      container: (e) => {
        entries.get(e.endpointId)?.containers.apply(e.id, e.row);
        each(e.endpointId, (l) => l.container?.(e.id, e.row));
      },
      other: (e) => each(e.endpointId, (l) => l.other?.(e)),
      stream: (e) => {
        // While it was down, the list may have drifted in ways the resumed stream cannot repair.
        if (!e.connected) entries.get(e.endpointId)?.containers.markStale();
        each(e.endpointId, (l) => l.stream?.({ connected: e.connected, error: e.error }));
      },
    },
    lineLogger("docker-events", "warn"),
  );
  countUpstreamStreams("docker-events", () => [...entries.keys()].map((id) => [id, 1] as const));
  holder[key] = { hub, entries };
  return holder[key];
}

/** What decides how the engine is reached: when it changes, what was read the old way is not trusted. */
export const connectionFingerprint = (endpoint: Endpoint) =>
  createHash("sha256")
    .update(JSON.stringify([endpoint.url, endpoint.authKind, endpoint.secret, endpoint.tlsVerify, endpoint.sshHostKey]))
    .digest("base64url");

/** The endpoint read again on every (re)connect: a repaired credential is used, a deleted one stops. */
const freshClient = (endpointId: string) => async () => {
  const endpoint = await db().endpoint.findUnique({ where: { id: endpointId } });
  if (!endpoint) {
    closeEngine(endpointId);
    throw new Error("the endpoint was deleted");
  }
  const entry = registry().entries.get(endpointId);
  if (entry) entry.fingerprint = connectionFingerprint(endpoint);
  return dockerClient(endpoint);
};

function entryFor(endpointId: string): Entry {
  const { hub, entries } = registry();
  let entry = entries.get(endpointId);
  if (!entry) {
    entry = {
      containers: new EngineContainers(freshClient(endpointId)),
      fingerprint: null,
      listeners: new Set(),
      holds: 0,
      keepUntil: 0,
      keepTimer: null,
    };
    entries.set(endpointId, entry);
    // The stream first, then any list: nothing that happens in between is missed.
    hub.ensure(endpointId, freshClient(endpointId));
  }
  return entry;
}

function closeIfUnused(endpointId: string, entry: Entry): void {
  const { hub, entries } = registry();
  if (entries.get(endpointId) !== entry || entry.holds > 0) return;
  const wait = entry.keepUntil - Date.now();
  if (wait > 0) {
    entry.keepTimer ??= setTimeout(() => {
      entry.keepTimer = null;
      closeIfUnused(endpointId, entry);
    }, wait);
    entry.keepTimer.unref();
    return;
  }
  entries.delete(endpointId);
  hub.release(endpointId);
}

/** Holds the engine live until `release()`; `listener` hears its changes meanwhile. */
export function holdEngine(endpointId: string, listener?: EngineListener) {
  const entry = entryFor(endpointId);
  entry.holds++;
  if (listener) entry.listeners.add(listener);
  let released = false;
  return {
    containers: entry.containers,
    release: () => {
      if (released) return;
      released = true;
      entry.holds--;
      if (listener) entry.listeners.delete(listener);
      closeIfUnused(endpointId, entry);
    },
  };
}

/** Keeps the engine live for `ms` more with nobody holding it (readers that come back soon). */
export function keepEngine(endpointId: string, ms: number): EngineContainers {
  const entry = entryFor(endpointId);
  entry.keepUntil = Math.max(entry.keepUntil, Date.now() + ms);
  closeIfUnused(endpointId, entry);
  return entry.containers;
}

export function engineConnected(endpointId: string): boolean {
  return registry().hub.isConnected(endpointId);
}

/** Resolves when the events received so far have reached the containers. */
export function engineSettled(endpointId: string): Promise<void> {
  return registry().hub.settled(endpointId);
}

/** A change went through this instance: the next read lists again rather than trust the stream's pace. */
export function noteEngineWrite(endpointId: string): void {
  registry().entries.get(endpointId)?.containers.markStale();
}

/**
 * The endpoint's connection settings changed (credentials, address, a host key): the stream is
 * opened again the new way and the containers listed afresh; holders keep their hold.
 */
export function reconnectIfChanged(endpoint: Endpoint): void {
  const { hub, entries } = registry();
  const entry = entries.get(endpoint.id);
  if (!entry?.fingerprint || entry.fingerprint === connectionFingerprint(endpoint)) return;
  entry.fingerprint = null;
  entry.containers.markStale();
  hub.release(endpoint.id);
  hub.ensure(endpoint.id, freshClient(endpoint.id));
}

/** The endpoint is gone: its stream closes and its holders are told. */
export function closeEngine(endpointId: string): void {
  const { hub, entries } = registry();
  const entry = entries.get(endpointId);
  hub.release(endpointId);
  if (!entry) return;
  entries.delete(endpointId);
  if (entry.keepTimer) clearTimeout(entry.keepTimer);
  entry.listeners.forEach((l) => l.stream?.({ connected: false, error: "the endpoint was deleted" }));
}

/** Endpoints with a live engine entry on this instance. */
export function liveEngineIds(): string[] {
  return [...registry().entries.keys()];
}
