// The benchmark's pods: BENCH_PODS bare pods in namespaces bench-k8s-00..49, bound straight to
// kwok nodes made for the bench (no scheduler in the way; kwok makes them Running), created with
// many requests in flight; removed at the end with their namespaces (a bounded wait; the cluster
// finishes on its own, and the next run waits for that before it starts).
import { inParallel, type KubeHttp } from "./kube-http";

export const NAMESPACES = 50;
export const BENCH_LABEL = "fleetdeck-bench=k8s";
const PODS_PER_NODE = 1000;
const CONCURRENCY = 48;
/** Sorted before every `pod-NNNNN` by name, so they are the first rows of the all-namespaces list. */
export const PROBE_PODS = 5;

export const namespaceName = (i: number) => `bench-k8s-${String(i).padStart(2, "0")}`;
const nodeName = (i: number) => `bench-k8s-node-${String(i).padStart(2, "0")}`;

export interface PodRef {
  namespace: string;
  name: string;
}

export interface BenchPods {
  pods: PodRef[];
  /** Pods the update part changes (also counted in `pods`). */
  probes: PodRef[];
  /** Seconds the creation took (0 when they were there already). */
  createdIn: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const [labelKey, labelValue] = BENCH_LABEL.split("=") as [string, string];

function benchNode(name: string, index: number) {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      annotations: { "kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0" },
      labels: { type: "kwok", [labelKey]: labelValue, "kubernetes.io/hostname": name, "kubernetes.io/os": "linux" },
    },
    // Its own pod addresses (kwok's default range has 254), and no one else's pods scheduled here.
    spec: {
      podCIDR: `10.${100 + Math.floor(index / 16)}.${(index % 16) * 16}.0/20`,
      taints: [{ key: labelKey, value: labelValue, effect: "NoSchedule" }],
    },
    status: {
      allocatable: { cpu: "1k", memory: "1Ti", pods: String(PODS_PER_NODE + 100) },
      capacity: { cpu: "1k", memory: "1Ti", pods: String(PODS_PER_NODE + 100) },
    },
  };
}

function pod(ref: PodRef, node: string) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { ...ref, labels: { [labelKey]: labelValue, app: `bench-${ref.name.slice(-1)}` } },
    spec: {
      nodeName: node,
      automountServiceAccountToken: false,
      terminationGracePeriodSeconds: 0,
      containers: [{ name: "main", image: "dashboard-test/busybox:1", command: ["sleep", "3600"] }],
    },
  };
}

async function createIgnoringConflict(kube: KubeHttp, path: string, body: unknown): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await kube.json("POST", path, body);
      return;
    } catch (error) {
      const message = String(error);
      if (/: 409 /.test(message)) return;
      // A namespace's default service account appears a moment after the namespace.
      if (attempt < 50 && /serviceaccount|: 429 |: 5\d\d /i.test(message)) await sleep(200);
      else throw error;
    }
  }
}

/** Names of the bench pods that exist now. */
async function existingPods(kube: KubeHttp): Promise<Set<string>> {
  const names = new Set<string>();
  let token = "";
  do {
    const query = new URLSearchParams({ labelSelector: BENCH_LABEL, limit: "500" });
    if (token) query.set("continue", token);
    const page = await kube.json<{ items: { metadata: PodRef }[]; metadata: { continue?: string } }>(
      "GET",
      `/api/v1/pods?${query}`,
    );
    for (const p of page.items) names.add(`${p.metadata.namespace}/${p.metadata.name}`);
    token = page.metadata.continue ?? "";
  } while (token);
  return names;
}

export async function createBenchPods(kube: KubeHttp, count: number): Promise<BenchPods> {
  // The last run's namespaces may still be going: pods cannot be created in them meanwhile.
  if (!(await namespacesGone(kube, 300_000, true)))
    throw new Error("the last run's bench namespaces are still terminating after 5 minutes");
  const nodes = Array.from({ length: Math.ceil(count / PODS_PER_NODE) }, (_, i) => nodeName(i));
  await inParallel(
    nodes.map((name, i) => benchNode(name, i)),
    8,
    (node) => createIgnoringConflict(kube, "/api/v1/nodes", node),
  );
  await inParallel(
    Array.from({ length: NAMESPACES }, (_, i) => namespaceName(i)),
    8,
    (name) =>
      createIgnoringConflict(kube, "/api/v1/namespaces", {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name, labels: { [labelKey]: labelValue } },
      }),
  );
  const probes = Array.from({ length: PROBE_PODS }, (_, i) => ({
    namespace: namespaceName((i * NAMESPACES) / PROBE_PODS),
    name: `a-probe-${i}`,
  }));
  const pods: PodRef[] = [
    ...probes,
    ...Array.from({ length: count - PROBE_PODS }, (_, i) => ({
      namespace: namespaceName(i % NAMESPACES),
      name: `pod-${String(i).padStart(5, "0")}`,
    })),
  ];
  const existing = await existingPods(kube);
  const missing = pods
    .map((ref, i) => ({ ref, node: nodes[i % nodes.length]! }))
    .filter(({ ref }) => !existing.has(`${ref.namespace}/${ref.name}`));
  const started = Date.now();
  let done = 0;
  await inParallel(missing, CONCURRENCY, async ({ ref, node }) => {
    await createIgnoringConflict(kube, `/api/v1/namespaces/${ref.namespace}/pods`, pod(ref, node));
    if (++done % 1000 === 0) console.error(`[bench] ${done} of ${missing.length} pods created`);
  });
  const createdIn = missing.length ? (Date.now() - started) / 1000 : 0;
  await waitForRunning(kube, 300_000);
  return { pods, probes, createdIn };
}

/** Until kwok has made every bench pod Running. */
async function waitForRunning(kube: KubeHttp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const query = new URLSearchParams({
      labelSelector: BENCH_LABEL,
      fieldSelector: "status.phase!=Running",
      limit: "500",
    });
    const page = await kube.json<{ items: unknown[]; metadata: { continue?: string } }>("GET", `/api/v1/pods?${query}`);
    if (page.items.length === 0) return;
    if (Date.now() > deadline) throw new Error(`bench pods still not Running after ${timeoutMs / 1000} s`);
    console.error(`[bench] waiting for ${page.items.length}${page.metadata.continue ? "+" : ""} pods to run`);
    await sleep(2000);
  }
}

/** Removes the namespaces (their pods go with them, in the background) and the nodes; waits at most `timeoutMs` for the namespaces. */
export async function removeBenchPods(kube: KubeHttp, timeoutMs = 60_000): Promise<void> {
  const namespaces = Array.from({ length: NAMESPACES }, (_, i) => namespaceName(i));
  const quietly = async (p: Promise<unknown>) => {
    await p.catch((e: unknown) => console.error(`[bench] cleanup: ${String(e)}`));
  };
  await inParallel(namespaces, 8, (ns) =>
    quietly(kube.json("DELETE", `/api/v1/namespaces/${ns}`, undefined, { allow404: true })),
  );
  if (!(await namespacesGone(kube, timeoutMs)))
    console.error("[bench] bench namespaces still terminating; the cluster finishes that on its own");
  // Pods left on a deleted node are removed by the pod garbage collector.
  await quietly(kube.json("DELETE", `/api/v1/nodes?labelSelector=${BENCH_LABEL}`));
}

/** Whether no bench namespace is left (or terminating) within `timeoutMs`. */
async function namespacesGone(kube: KubeHttp, timeoutMs: number, terminatingOnly = false): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { items } = await kube.json<{ items: { status?: { phase?: string } }[] }>(
      "GET",
      `/api/v1/namespaces?labelSelector=${BENCH_LABEL}`,
    );
    if (!items.some((n) => !terminatingOnly || n.status?.phase === "Terminating")) return true;
    if (Date.now() > deadline) return false;
    await sleep(2000);
  }
}
