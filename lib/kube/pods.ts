// Pods a user may see on a cluster: every namespace, or only those their grants name.
import { CoreV1Api, type KubeConfig, type V1Pod } from "@kubernetes/client-node";

export interface PodSummary {
  namespace: string;
  name: string;
  phase: string;
  containers: string[];
  initContainers: string[];
  /** Containers with an earlier instance (restarted): their previous logs can be read. */
  restarted: string[];
  labels: Record<string, string>;
}

const summary = (p: V1Pod): PodSummary => ({
  namespace: p.metadata?.namespace ?? "",
  name: p.metadata?.name ?? "",
  phase: p.status?.phase ?? "Unknown",
  containers: (p.spec?.containers ?? []).map((c) => c.name),
  initContainers: (p.spec?.initContainers ?? []).map((c) => c.name),
  restarted: [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]
    .filter((s) => s.lastState?.terminated)
    .map((s) => s.name),
  labels: p.metadata?.labels ?? {},
});

export async function listPods(kc: KubeConfig, namespaces: "all" | string[]): Promise<PodSummary[]> {
  const core = kc.makeApiClient(CoreV1Api);
  const lists =
    namespaces === "all"
      ? [await core.listPodForAllNamespaces()]
      : await Promise.all(namespaces.map((namespace) => core.listNamespacedPod({ namespace })));
  return lists
    .flatMap((l) => l.items.map(summary))
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
}
