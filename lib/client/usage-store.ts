// The tab's live usage subscriptions, one per (endpoint, target) however many components show it
// (a chart and a sparkline of the same container share one usage:watch). A watch starts shortly
// after the first component asks (rows scrolled past quickly cost nothing) and ends a few seconds
// after the last one lets go; it is asked for again after a reconnect.
import type { UsageInfo, UsagePoint, UsageSeries, UsageTarget } from "../streams/usage/usage-types";
import { getSocket, type ClientSocket } from "./socket";

export interface UsageState {
  columns: readonly string[];
  historyMs: number;
  points: UsagePoint[];
  info: UsageInfo | null;
  /** Why there is nothing (yet): metrics-server not installed, not running, access ended… */
  error: string | null;
  loading: boolean;
}

const START_DELAY_MS = 250;
const STOP_DELAY_MS = 3_000;
const EMPTY: UsageState = { columns: [], historyMs: 0, points: [], info: null, error: null, loading: true };

interface Entry {
  request: { endpointId: string; target: UsageTarget };
  state: UsageState;
  listeners: Set<() => void>;
  watchId: string | null;
  /** Bumped on every (re)watch and stop: answers to an older one are dropped. */
  generation: number;
  timer: ReturnType<typeof setTimeout> | null;
}

const entries = new Map<string, Entry>();
const byWatchId = new Map<string, Entry>();
let bound: ClientSocket | null = null;

export const usageKey = (endpointId: string, target: UsageTarget) => `${endpointId}|${JSON.stringify(target)}`;

function set(entry: Entry, change: Partial<UsageState>) {
  entry.state = { ...entry.state, ...change };
  entry.listeners.forEach((l) => l());
}

function start(entry: Entry) {
  const socket = getSocket();
  const generation = ++entry.generation;
  socket.emit("usage:watch", entry.request, (reply) => {
    if (entry.generation !== generation) {
      if (reply.ok) socket.emit("usage:unwatch", { watchId: reply.data.watchId });
      return;
    }
    if (!reply.ok) return set(entry, { error: reply.error, loading: false });
    entry.watchId = reply.data.watchId;
    byWatchId.set(reply.data.watchId, entry);
    const s: UsageSeries = reply.data.series;
    set(entry, {
      columns: s.columns,
      historyMs: s.historyMs,
      points: s.points,
      info: s.info,
      error: reply.data.error,
      loading: false,
    });
  });
}

function stop(entry: Entry) {
  entry.generation++;
  if (entry.watchId) {
    getSocket().emit("usage:unwatch", { watchId: entry.watchId });
    byWatchId.delete(entry.watchId);
  }
  entry.watchId = null;
}

function bind() {
  if (bound) return;
  const socket = (bound = getSocket());
  socket.on("usage:points", ({ watchId, points, info }) => {
    const entry = byWatchId.get(watchId);
    if (!entry) return;
    const all = points.length ? [...entry.state.points, ...points] : entry.state.points;
    const newest = all.at(-1)?.t ?? 0;
    const from = all.findIndex((p) => p.t >= newest - entry.state.historyMs);
    set(entry, { points: from > 0 ? all.slice(from) : all, info: info ?? entry.state.info, error: null });
  });
  socket.on("usage:status", ({ watchId, error, closed }) => {
    const entry = byWatchId.get(watchId);
    if (!entry) return;
    if (closed) byWatchId.delete(watchId);
    set(entry, { error });
  });
  // The server forgot this tab's watches with the old connection.
  socket.on("connect", () => {
    byWatchId.clear();
    for (const entry of entries.values()) if (entry.listeners.size && !entry.timer) start(entry);
  });
}

export function usageSnapshot(key: string): UsageState {
  return entries.get(key)?.state ?? EMPTY;
}

/** Follows the target's usage while `listener` is registered; returns the unregister function. */
export function subscribeUsage(endpointId: string, target: UsageTarget, listener: () => void): () => void {
  bind();
  const key = usageKey(endpointId, target);
  let entry = entries.get(key);
  if (!entry) {
    entry = {
      request: { endpointId, target },
      state: EMPTY,
      listeners: new Set(),
      watchId: null,
      generation: 0,
      timer: null,
    };
    entries.set(key, entry);
  }
  const e = entry;
  e.listeners.add(listener);
  if (e.timer) {
    clearTimeout(e.timer);
    e.timer = null;
  }
  if (!e.watchId && e.state.loading)
    e.timer = setTimeout(() => {
      e.timer = null;
      if (e.listeners.size) start(e);
    }, START_DELAY_MS);
  return () => {
    e.listeners.delete(listener);
    if (e.listeners.size) return;
    if (e.timer) clearTimeout(e.timer);
    e.timer = setTimeout(() => {
      e.timer = null;
      if (e.listeners.size) return;
      stop(e);
      entries.delete(key);
    }, STOP_DELAY_MS);
  };
}
