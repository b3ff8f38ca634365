// What a log subscription or download names on one endpoint: a container, a pod's container, a
// workload, a Kubernetes label selector, or Docker labels.
import type { WorkloadKind } from "../kube/workload-kinds";

export type LogTarget =
  | { kind: "container"; containerId: string }
  /** `previous`: the instance before the last restart (what it said before it crashed). */
  | { kind: "pod"; namespace: string; pod: string; container?: string; previous?: boolean }
  /** Every container of every pod of a workload, following pods as they come and go. */
  | { kind: "workload"; namespace: string; workload: WorkloadKind; name: string }
  /** Pods matching a Kubernetes label selector, in one namespace or every one the user may read. */
  | { kind: "selector"; namespace?: string; selector: string }
  /** Docker containers with these labels ("com.docker.compose.project=web", "app=api,tier"). */
  | { kind: "labels"; selector: string };
