// The label selector of a workload's pods, as the API server's labelSelector parameter takes it.
import { AppsV1Api, BatchV1Api, type KubeConfig, type V1LabelSelector } from "@kubernetes/client-node";
import type { WorkloadKind } from "./workload-kinds";

export function selectorString(selector: V1LabelSelector | undefined): string {
  const parts = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of selector?.matchExpressions ?? []) {
    const values = `(${(e.values ?? []).join(",")})`;
    if (e.operator === "In") parts.push(`${e.key} in ${values}`);
    else if (e.operator === "NotIn") parts.push(`${e.key} notin ${values}`);
    else if (e.operator === "Exists") parts.push(e.key);
    else if (e.operator === "DoesNotExist") parts.push(`!${e.key}`);
  }
  return parts.join(",");
}

/** Reads the workload (404 if it does not exist) and returns its pods' selector. */
export async function workloadSelector(
  kc: KubeConfig,
  kind: WorkloadKind,
  namespace: string,
  name: string,
): Promise<string> {
  const apps = kc.makeApiClient(AppsV1Api);
  const request = { namespace, name };
  const workload =
    kind === "Deployment"
      ? await apps.readNamespacedDeployment(request)
      : kind === "StatefulSet"
        ? await apps.readNamespacedStatefulSet(request)
        : kind === "DaemonSet"
          ? await apps.readNamespacedDaemonSet(request)
          : kind === "ReplicaSet"
            ? await apps.readNamespacedReplicaSet(request)
            : await kc.makeApiClient(BatchV1Api).readNamespacedJob(request);
  const selector = selectorString(workload.spec?.selector);
  // An empty selector would match every pod of the namespace: never what "this workload" means.
  if (!selector) throw new Error(`${kind} ${name} has no pod selector`);
  return selector;
}
