// What `kubectl drain --ignore-daemonsets` does: cordon the node, then evict every pod on it
// except those a DaemonSet runs (it would put them straight back) and mirror pods (the kubelet's
// static pods, which the API cannot remove), respecting PodDisruptionBudgets. Progress goes out as
// DrainLines; the node stays cordoned whatever happens.
import { conflict } from "../errors";
import type { KubeApi } from "./kube-api";
import { evictPod } from "./evict-pod";
import type { DrainLine, DrainOptions, DrainPodRef } from "./drain-progress";
import { builtInKind } from "./kinds/catalog";
import type { KubeObject } from "./kinds/kind";
import { listObjects, mergePatch } from "./resources";

const NODES = builtInKind("nodes")!;
const PODS = builtInKind("pods")!;
const MIRROR_ANNOTATION = "kubernetes.io/config.mirror";
// Pods evicted at once; the others wait their turn (a pod held by a budget holds one slot).
const PARALLEL = 8;

/** Why a pod is left on the node, or null when it is to be evicted. */
function leftAlone(pod: KubeObject): string | null {
  if (pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined) return "mirror pod (static, run by the kubelet)";
  const controller = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (controller?.kind === "DaemonSet") return `run by DaemonSet ${controller.name}`;
  return null;
}

const ref = (pod: KubeObject): DrainPodRef => ({ namespace: pod.metadata.namespace ?? "", name: pod.metadata.name });

export async function drainNode(
  api: KubeApi,
  node: KubeObject,
  options: DrainOptions & { signal: AbortSignal },
  send: (line: DrainLine) => void,
): Promise<void> {
  const { signal } = options;
  const name = node.metadata.name;
  const wasCordoned = (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
  if (!wasCordoned) await mergePatch(api, NODES, name, undefined, { spec: { unschedulable: true } });
  send({ type: "cordoned", node: name, wasCordoned });

  const { items } = await listObjects(api, PODS, { fieldSelector: `spec.nodeName=${name}` });
  const queue = items.filter((p) => !leftAlone(p));
  send({
    type: "pods",
    pods: queue.map(ref),
    skipped: items.filter(leftAlone).map((p) => ({ ...ref(p), reason: leftAlone(p)! })),
  });

  const deadline = Date.now() + options.timeoutSeconds * 1000;
  const total = queue.length;
  let failed = 0;
  const evictOne = async (pod: KubeObject) => {
    const at = ref(pod);
    send({ type: "pod", ...at, state: "evicting" });
    const outcome = await evictPod(
      api,
      { ...at, uid: pod.metadata.uid },
      {
        ...options,
        deadline,
        onWaiting: (message) => send({ type: "pod", ...at, state: "waiting", message }),
        onAccepted: () => send({ type: "pod", ...at, state: "terminating" }),
      },
    ).catch((error: unknown) => {
      if (signal.aborted) throw error;
      return { ok: false as const, message: error instanceof Error ? error.message : String(error) };
    });
    if (outcome.ok) send({ type: "pod", ...at, state: "evicted" });
    else {
      failed++;
      send({ type: "pod", ...at, state: "failed", message: outcome.message });
    }
  };
  const worker = async () => {
    for (let pod = queue.shift(); pod; pod = queue.shift()) {
      signal.throwIfAborted();
      await evictOne(pod);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
  if (failed) throw conflict(`${failed} of ${total} pods were not evicted; ${name} stays cordoned`);
}
