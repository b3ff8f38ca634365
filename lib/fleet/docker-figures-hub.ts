// Docker figures are the same for everyone who may see the engine, so they are computed once per
// endpoint per instance and shared by every viewer of the fleet: recomputed (throttled) when the
// engine's event stream (its shared state on this instance) reports a container change or the
// stream is lost or back.
import { db } from "../db/client";
import { holdEngine } from "../docker/engine-state/engine-states";
import { dockerClient } from "../endpoints/docker-client";
import { dockerFigures } from "./docker-figures";
import type { FleetSummary } from "./fleet-summary";
import { LiveFigures } from "./live-figures";

type Listener = (summary: FleetSummary) => void;

interface Shared {
  live: LiveFigures;
  listeners: Set<Listener>;
  unfollow: () => void;
  /** Set while nobody listens: the figures are dropped when it fires. */
  dropTimer: NodeJS.Timeout | null;
}

/** How long an engine's figures stay current with nobody looking (a home page opened again). */
const KEEP_MS = 60_000;

export class DockerFiguresHub {
  private shared = new Map<string, Shared>();

  constructor(private readonly describe: (error: unknown) => string) {}

  /** `listener` gets the endpoint's figures now (if known) and whenever they change. */
  hold(endpointId: string, listener: Listener): () => void {
    let entry = this.shared.get(endpointId);
    if (entry) {
      if (entry.dropTimer) clearTimeout(entry.dropTimer);
      entry.dropTimer = null;
      const latest = entry.live.latest;
      if (latest) queueMicrotask(() => listener(latest));
    } else {
      const listeners = new Set<Listener>();
      const live = new LiveFigures({
        endpointId,
        // Read on every computation: a repaired credential is used.
        compute: async () => {
          const endpoint = await db().endpoint.findUnique({ where: { id: endpointId } });
          if (!endpoint) throw new Error("the endpoint was deleted");
          return { docker: await dockerFigures(dockerClient(endpoint)), kube: null };
        },
        push: (summary) => listeners.forEach((l) => l(summary)),
        describe: this.describe,
      });
      const engine = holdEngine(endpointId, { container: () => live.schedule(), stream: () => live.schedule() });
      entry = { live, listeners, unfollow: engine.release, dropTimer: null };
      this.shared.set(endpointId, entry);
      live.refresh();
    }
    entry.listeners.add(listener);
    const held = entry;
    return () => {
      held.listeners.delete(listener);
      if (held.listeners.size || this.shared.get(endpointId) !== held) return;
      held.dropTimer = setTimeout(() => {
        held.live.stop();
        held.unfollow();
        this.shared.delete(endpointId);
      }, KEEP_MS);
      held.dropTimer.unref();
    };
  }
}
