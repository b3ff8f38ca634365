// The palette's in-memory indexes of this instance, one per endpoint searched recently: created
// on the first search that reaches the endpoint, let go PALETTE_IDLE_MS after the last one (the
// Docker event stream closes, the watch-cache holds are released). On globalThis: route code is
// bundled apart from server.ts.
import { db, type Endpoint } from "../db/client";
import { dockerClient } from "../endpoints/docker-client";
import { DockerEventHub } from "../streams/docker-events";
import { DockerIndex } from "./docker-index";
import { KubeIndex } from "./kube-index";

/** How long an endpoint's index outlives its last search (a palette opened again soon is instant). */
export const PALETTE_IDLE_MS = 120_000;
const SWEEP_MS = 15_000;

interface Held {
  docker: Map<string, DockerIndex>;
  kube: Map<string, KubeIndex>;
  hub: DockerEventHub;
  sweep: NodeJS.Timeout | null;
}

const key = Symbol.for("fleetdeck.paletteIndexes");

function held(): Held {
  const holder = globalThis as { [key]?: Held };
  if (holder[key]) return holder[key];
  const docker = new Map<string, DockerIndex>();
  // Endpoints whose stream was lost: when it is back, events may have been missed.
  const everLost = new Set<string>();
  const hub = new DockerEventHub(
    {
      container: (e) => docker.get(e.endpointId)?.onContainer(e.id, e.row),
      other: (e) => docker.get(e.endpointId)?.onOtherEvent(e.type),
      stream: (e) => {
        if (!e.connected) everLost.add(e.endpointId);
        else if (everLost.delete(e.endpointId)) docker.get(e.endpointId)?.onReconnected();
      },
    },
    (message) => console.error(`palette: ${message}`),
  );
  holder[key] = { docker, kube: new Map(), hub, sweep: null };
  return holder[key];
}

function sweepIdle(state: Held): void {
  const cutoff = Date.now() - PALETTE_IDLE_MS;
  for (const [id, index] of state.docker)
    if (index.lastUsed < cutoff) {
      index.stop();
      state.hub.release(id);
      state.docker.delete(id);
    }
  for (const [id, index] of state.kube)
    if (index.lastUsed < cutoff) {
      index.release();
      state.kube.delete(id);
    }
  if (state.docker.size === 0 && state.kube.size === 0 && state.sweep) {
    clearInterval(state.sweep);
    state.sweep = null;
  }
}

function ensureSweep(state: Held): void {
  if (state.sweep) return;
  state.sweep = setInterval(() => sweepIdle(state), SWEEP_MS);
  state.sweep.unref();
}

/** The endpoint read again on every (re)connect: changed credentials are used, a deleted one stops. */
const freshDocker = (state: Held, endpointId: string) => async () => {
  const endpoint = await db().endpoint.findUnique({ where: { id: endpointId } });
  if (!endpoint) {
    state.docker.get(endpointId)?.stop();
    state.docker.delete(endpointId);
    state.hub.release(endpointId);
    throw new Error("the endpoint was deleted");
  }
  return dockerClient(endpoint);
};

export function dockerIndex(endpoint: Endpoint): DockerIndex {
  const state = held();
  ensureSweep(state);
  let index = state.docker.get(endpoint.id);
  if (!index) {
    index = new DockerIndex(freshDocker(state, endpoint.id));
    state.docker.set(endpoint.id, index);
    // The stream first, then the lists: nothing that happens in between is missed.
    state.hub.ensure(endpoint.id, freshDocker(state, endpoint.id));
  }
  index.touch();
  return index;
}

export function kubeIndex(endpoint: Endpoint): KubeIndex {
  const state = held();
  ensureSweep(state);
  let index = state.kube.get(endpoint.id);
  if (!index) {
    index = new KubeIndex(endpoint);
    state.kube.set(endpoint.id, index);
  }
  return index;
}
