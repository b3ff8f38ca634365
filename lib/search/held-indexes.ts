// The palette's in-memory indexes of this instance, one per endpoint searched recently: created
// on the first search that reaches the endpoint, let go PALETTE_IDLE_MS after the last one (the
// hold on the Docker engine's shared state ends, the watch-cache holds are released). On
// globalThis: route code is bundled apart from server.ts.
import { db, type Endpoint } from "../db/client";
import { dockerClient } from "../endpoints/docker-client";
import { holdEngine } from "../docker/engine-state/engine-states";
import { DockerIndex } from "./docker-index";
import { KubeIndex } from "./kube-index";

/** How long an endpoint's index outlives its last search (a palette opened again soon is instant). */
export const PALETTE_IDLE_MS = 120_000;
const SWEEP_MS = 15_000;

interface HeldDocker {
  index: DockerIndex;
  release: () => void;
}

interface Held {
  docker: Map<string, HeldDocker>;
  kube: Map<string, KubeIndex>;
  sweep: NodeJS.Timeout | null;
}

const key = Symbol.for("fleetdeck.paletteIndexes");

function held(): Held {
  const holder = globalThis as { [key]?: Held };
  holder[key] ??= { docker: new Map(), kube: new Map(), sweep: null };
  return holder[key];
}

function dropDocker(state: Held, endpointId: string): void {
  const docker = state.docker.get(endpointId);
  if (!docker) return;
  docker.index.stop();
  docker.release();
  state.docker.delete(endpointId);
}

function sweepIdle(state: Held): void {
  const cutoff = Date.now() - PALETTE_IDLE_MS;
  for (const [id, docker] of state.docker) if (docker.index.lastUsed < cutoff) dropDocker(state, id);
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

/** The endpoint read again on every list: changed credentials are used, a deleted one stops. */
const freshDocker = (state: Held, endpointId: string) => async () => {
  const endpoint = await db().endpoint.findUnique({ where: { id: endpointId } });
  if (!endpoint) {
    dropDocker(state, endpointId);
    throw new Error("the endpoint was deleted");
  }
  return dockerClient(endpoint);
};

export function dockerIndex(endpoint: Endpoint): DockerIndex {
  const state = held();
  ensureSweep(state);
  let docker = state.docker.get(endpoint.id);
  if (!docker) {
    const index = () => state.docker.get(endpoint.id)?.index;
    // Once the stream was lost, its return means events may have been missed meanwhile.
    let lost = false;
    const engine = holdEngine(endpoint.id, {
      other: (e) => index()?.onOtherEvent(e.type),
      stream: (e) => {
        if (!e.connected) lost = true;
        else if (lost) index()?.onReconnected();
      },
    });
    docker = { index: new DockerIndex(freshDocker(state, endpoint.id), engine.containers), release: engine.release };
    state.docker.set(endpoint.id, docker);
  }
  docker.index.touch();
  return docker.index;
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
