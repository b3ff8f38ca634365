// One pod out of a draining node through the Eviction subresource (policy/v1), so the API server
// checks its PodDisruptionBudgets: a refusal (429) is asked again with backoff until the deadline,
// then the pod is waited for until it is gone — as `kubectl drain` does.
import { setTimeout as sleep } from "node:timers/promises";
import { UpstreamError } from "../endpoints/upstream-error";
import type { KubeApi } from "./kube-api";
import type { DrainPodRef } from "./drain-progress";
import { resourcePath, type KubeObject } from "./kinds/kind";

const PODS = { group: "", version: "v1", resource: "pods", namespaced: true };
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5_000;
const GONE_POLL_MS = 1_000;

export type EvictionOutcome = { ok: true } | { ok: false; message: string };

const status = (error: unknown) => (error instanceof UpstreamError ? error.status : undefined);

export async function evictPod(
  api: KubeApi,
  pod: DrainPodRef & { uid: string },
  options: {
    gracePeriodSeconds?: number;
    /** Epoch milliseconds after which a refused or lingering pod counts as not evicted. */
    deadline: number;
    timeoutSeconds: number;
    signal: AbortSignal;
    /** A disruption budget refused the eviction for now; the API server's words. */
    onWaiting(message: string): void;
    onAccepted(): void;
  },
): Promise<EvictionOutcome> {
  const path = resourcePath(PODS, { namespace: pod.namespace, name: pod.name });
  const { signal } = options;
  for (let wait = FIRST_RETRY_MS; ; wait = Math.min(wait * 2, MAX_RETRY_MS)) {
    try {
      await api({
        method: "POST",
        path: `${path}/eviction`,
        body: {
          apiVersion: "policy/v1",
          kind: "Eviction",
          metadata: { name: pod.name, namespace: pod.namespace },
          deleteOptions:
            options.gracePeriodSeconds === undefined ? undefined : { gracePeriodSeconds: options.gracePeriodSeconds },
        },
      });
      break;
    } catch (error) {
      if (status(error) === 404) return { ok: true }; // gone already
      const message = error instanceof Error ? error.message : String(error);
      if (status(error) !== 429) return { ok: false, message };
      if (Date.now() + wait > options.deadline)
        return { ok: false, message: `${message} (still refused after ${options.timeoutSeconds} s)` };
      options.onWaiting(message);
      await sleep(wait, undefined, { signal });
    }
  }
  options.onAccepted();
  // Gone, or replaced by a pod of the same name (a StatefulSet's): either way this one left.
  while (Date.now() < options.deadline) {
    const current = await api<KubeObject>({ path }).catch((error: unknown) => {
      if (status(error) === 404) return null;
      throw error;
    });
    if (!current || current.metadata.uid !== pod.uid) return { ok: true };
    await sleep(GONE_POLL_MS, undefined, { signal });
  }
  return { ok: false, message: `evicted, but still terminating after ${options.timeoutSeconds} s` };
}
