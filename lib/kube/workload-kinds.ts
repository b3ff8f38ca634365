// The Kubernetes workload kinds whose pods the dashboard can follow (logs of "deployment web").
export const WORKLOAD_KINDS = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];
