// Workloads a user may pick as a log source: deployments, statefulsets, daemonsets and jobs of the
// namespaces they may read.
import { AppsV1Api, BatchV1Api, type KubeConfig } from "@kubernetes/client-node";
import type { WorkloadKind } from "./workload-kinds";

export interface WorkloadSummary {
  kind: WorkloadKind;
  namespace: string;
  name: string;
}

type Named = { metadata?: { name?: string; namespace?: string } };

export async function listWorkloads(kc: KubeConfig, namespaces: "all" | string[]): Promise<WorkloadSummary[]> {
  const apps = kc.makeApiClient(AppsV1Api);
  const batch = kc.makeApiClient(BatchV1Api);
  const scopes: (string | null)[] = namespaces === "all" ? [null] : namespaces;
  const lists = await Promise.all(
    scopes.flatMap((namespace) => {
      const kinds: [WorkloadKind, () => Promise<{ items: Named[] }>][] = namespace
        ? [
            ["Deployment", () => apps.listNamespacedDeployment({ namespace })],
            ["StatefulSet", () => apps.listNamespacedStatefulSet({ namespace })],
            ["DaemonSet", () => apps.listNamespacedDaemonSet({ namespace })],
            ["Job", () => batch.listNamespacedJob({ namespace })],
          ]
        : [
            ["Deployment", () => apps.listDeploymentForAllNamespaces()],
            ["StatefulSet", () => apps.listStatefulSetForAllNamespaces()],
            ["DaemonSet", () => apps.listDaemonSetForAllNamespaces()],
            ["Job", () => batch.listJobForAllNamespaces()],
          ];
      return kinds.map(async ([kind, list]) =>
        (await list()).items.map((w) => ({
          kind,
          namespace: w.metadata?.namespace ?? "",
          name: w.metadata?.name ?? "",
        })),
      );
    }),
  );
  return lists
    .flat()
    .sort((a, b) => `${a.namespace}/${a.kind}/${a.name}`.localeCompare(`${b.namespace}/${b.kind}/${b.name}`));
}
