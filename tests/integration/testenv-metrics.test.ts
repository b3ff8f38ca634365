// The test clusters serve metrics.k8s.io for real: metrics-server scrapes kwok's emulated kubelet
// resource metrics and kube-apiserver's aggregation layer answers for it. Usage appears only after
// metrics-server's first scrapes (CPU needs two), so everything here polls.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NODE_COUNT } from "../../scripts/testenv/kube-objects";
import { clusterAdminApi } from "../support/kube-endpoint";

const METRICS = { group: "metrics.k8s.io", version: "v1beta1" };
const { cluster, core, custom } = clusterAdminApi(0);
const namespace = `metrics-${Date.now()}`;
const POLL = { timeout: 120_000, interval: 2_000 };
const MEMORY = 64 * 1024 ** 2;
/** The testenv's own kwok nodes (other tests may add more for a while). */
const nodes = Array.from({ length: NODE_COUNT }, (_, i) => `${cluster.name}-node-${i + 1}`);

interface Usage {
  cpu: string;
  memory: string;
}
interface NodeMetrics {
  metadata: { name: string };
  usage: Usage;
}
interface PodMetrics {
  metadata: { name: string };
  containers: { name: string; usage: Usage }[];
}

/** A Kubernetes quantity as a number (cores or bytes); only the suffixes metrics-server uses. */
function quantity(text: string): number {
  const match = /^([0-9.]+)([a-zA-Z]*)$/.exec(text);
  if (!match) throw new Error(`not a quantity: ${text}`);
  const scale: Record<string, number> = {
    "": 1,
    n: 1e-9,
    u: 1e-6,
    m: 1e-3,
    k: 1e3,
    Ki: 1024,
    Mi: 1024 ** 2,
    Gi: 1024 ** 3,
  };
  const factor = scale[match[2]!];
  if (factor === undefined) throw new Error(`unknown suffix in ${text}`);
  return Number(match[1]) * factor;
}

async function list<T>(path: { namespace?: string; plural: "nodes" | "pods" }): Promise<T[]> {
  const answer = path.namespace
    ? await custom.listNamespacedCustomObject({ ...METRICS, namespace: path.namespace, plural: path.plural })
    : await custom.listClusterCustomObject({ ...METRICS, plural: path.plural });
  return (answer as { items: T[] }).items;
}

beforeAll(async () => {
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  // One pod on each node, bound by name (no scheduler needed): a node without pods uses nothing,
  // and metrics-server leaves nodes with zero usage out. kwok reports the annotated usage.
  for (const [i, nodeName] of nodes.entries())
    await core.createNamespacedPod({
      namespace,
      body: {
        metadata: {
          name: `busy-${i + 1}`,
          annotations: { "kwok.x-k8s.io/usage-cpu": "250m", "kwok.x-k8s.io/usage-memory": "64Mi" },
        },
        spec: {
          nodeName,
          containers: [{ name: "main", image: "dashboard-test/busybox:1", command: ["sleep", "3600"] }],
        },
      },
    });
});

afterAll(async () => {
  await core.deleteNamespace({ name: namespace }).catch(() => undefined);
});

describe("metrics.k8s.io on the test clusters", () => {
  it("lists every kwok node with usage", { timeout: 150_000 }, async () => {
    const usage = async () =>
      Object.fromEntries(
        (await list<NodeMetrics>({ plural: "nodes" }))
          .filter((n) => nodes.includes(n.metadata.name))
          .map((n) => [n.metadata.name, { cpu: quantity(n.usage.cpu), memory: quantity(n.usage.memory) }]),
      );
    // Each node uses at least what our pod on it does.
    await expect
      .poll(usage, POLL)
      .toSatisfy((byNode: Record<string, { cpu: number; memory: number }>) =>
        nodes.every((n) => byNode[n] !== undefined && byNode[n].cpu > 0 && byNode[n].memory >= MEMORY),
      );
  });

  it("reports a kwok pod's CPU and memory", { timeout: 150_000 }, async () => {
    await expect
      .poll(
        async () => (await list<PodMetrics>({ namespace, plural: "pods" })).map((p) => p.metadata.name).sort(),
        POLL,
      )
      .toEqual(nodes.map((_, i) => `busy-${i + 1}`));
    const pod = (await list<PodMetrics>({ namespace, plural: "pods" })).find((p) => p.metadata.name === "busy-1")!;
    const usage = pod.containers.find((c) => c.name === "main")!.usage;
    expect(quantity(usage.memory)).toBe(MEMORY);
    // A rate between two scrapes of kwok's cumulative counter: about the annotated 250m.
    expect(quantity(usage.cpu)).toBeGreaterThan(0.1);
    expect(quantity(usage.cpu)).toBeLessThan(0.4);
  });
});
