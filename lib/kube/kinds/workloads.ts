// Workload kinds: pods and what runs them. Columns follow what `kubectl get` prints.
import { at, condition, created, join, list, num, podReady, podRestarts, podStatus, ratio, str } from "./helpers";
import type { Health, KubeKind, KubeObject } from "./kind";

const age = { header: "Age", type: "age" as const, value: created };

const replicasHealth = (ready: unknown, desired: unknown): Health =>
  (num(desired) ?? 0) === 0 ? "idle" : (num(ready) ?? 0) >= (num(desired) ?? 0) ? "ok" : "warn";

function podHealth(pod: KubeObject): Health {
  const status = podStatus(pod);
  if (status === "Running")
    return podReady(pod)
      .split("/")
      .every((n, _, a) => n === a[1])
      ? "ok"
      : "warn";
  if (status === "Succeeded" || status === "Completed") return "idle";
  if (status === "Pending" || status === "ContainerCreating" || status === "Terminating") return "warn";
  return "bad";
}

export const WORKLOAD_KINDS: KubeKind[] = [
  {
    kind: "Pod",
    title: "Pods",
    group: "",
    version: "v1",
    resource: "pods",
    namespaced: true,
    category: "Workloads",
    columns: [
      { header: "Ready", value: podReady },
      { header: "Status", value: podStatus },
      { header: "Restarts", type: "number", value: podRestarts },
      { header: "Node", value: (o) => str(at(o, "spec", "nodeName")) },
      { header: "IP", value: (o) => str(at(o, "status", "podIP")), wide: true },
      age,
    ],
    health: podHealth,
    actions: ["logs", "delete"],
  },
  {
    kind: "Deployment",
    title: "Deployments",
    group: "apps",
    version: "v1",
    resource: "deployments",
    namespaced: true,
    category: "Workloads",
    columns: [
      { header: "Ready", value: (o) => ratio(at(o, "status", "readyReplicas"), at(o, "spec", "replicas")) },
      { header: "Up-to-date", type: "number", value: (o) => num(at(o, "status", "updatedReplicas")) ?? 0 },
      { header: "Available", type: "number", value: (o) => num(at(o, "status", "availableReplicas")) ?? 0 },
      {
        header: "Images",
        wide: true,
        value: (o) => join(list(at(o, "spec", "template", "spec", "containers")).map((c) => c.image)),
      },
      age,
    ],
    health: (o) =>
      at(o, "spec", "paused") === true
        ? "idle"
        : replicasHealth(at(o, "status", "readyReplicas"), at(o, "spec", "replicas")),
    actions: ["logs", "scale", "restart", "pause", "resume", "rollback", "delete"],
  },
  {
    kind: "StatefulSet",
    title: "StatefulSets",
    group: "apps",
    version: "v1",
    resource: "statefulsets",
    namespaced: true,
    category: "Workloads",
    columns: [
      { header: "Ready", value: (o) => ratio(at(o, "status", "readyReplicas"), at(o, "spec", "replicas")) },
      { header: "Service", value: (o) => str(at(o, "spec", "serviceName")), wide: true },
      age,
    ],
    health: (o) => replicasHealth(at(o, "status", "readyReplicas"), at(o, "spec", "replicas")),
    actions: ["logs", "scale", "restart", "rollback", "delete"],
  },
  {
    kind: "DaemonSet",
    title: "DaemonSets",
    group: "apps",
    version: "v1",
    resource: "daemonsets",
    namespaced: true,
    category: "Workloads",
    columns: [
      { header: "Desired", type: "number", value: (o) => num(at(o, "status", "desiredNumberScheduled")) ?? 0 },
      { header: "Ready", type: "number", value: (o) => num(at(o, "status", "numberReady")) ?? 0 },
      { header: "Available", type: "number", value: (o) => num(at(o, "status", "numberAvailable")) ?? 0 },
      age,
    ],
    health: (o) => replicasHealth(at(o, "status", "numberReady"), at(o, "status", "desiredNumberScheduled")),
    actions: ["logs", "restart", "rollback", "delete"],
  },
  {
    kind: "ReplicaSet",
    title: "ReplicaSets",
    group: "apps",
    version: "v1",
    resource: "replicasets",
    namespaced: true,
    category: "Workloads",
    columns: [
      { header: "Desired", type: "number", value: (o) => num(at(o, "spec", "replicas")) ?? 0 },
      { header: "Ready", type: "number", value: (o) => num(at(o, "status", "readyReplicas")) ?? 0 },
      age,
    ],
    health: (o) => replicasHealth(at(o, "status", "readyReplicas"), at(o, "spec", "replicas")),
    actions: ["logs", "scale", "delete"],
  },
  {
    kind: "Job",
    title: "Jobs",
    group: "batch",
    version: "v1",
    resource: "jobs",
    namespaced: true,
    category: "Workloads",
    columns: [
      { header: "Completions", value: (o) => ratio(at(o, "status", "succeeded"), at(o, "spec", "completions")) },
      {
        header: "Status",
        value: (o) =>
          condition(o, "Complete") === "True"
            ? "Complete"
            : condition(o, "Failed") === "True"
              ? "Failed"
              : at(o, "spec", "suspend") === true
                ? "Suspended"
                : "Running",
      },
      age,
    ],
    health: (o) => (condition(o, "Failed") === "True" ? "bad" : condition(o, "Complete") === "True" ? "idle" : "ok"),
    actions: ["logs", "suspend", "unsuspend", "delete"],
  },
  {
    kind: "CronJob",
    title: "CronJobs",
    group: "batch",
    version: "v1",
    resource: "cronjobs",
    namespaced: true,
    category: "Workloads",
    columns: [
      { header: "Schedule", value: (o) => str(at(o, "spec", "schedule")) },
      { header: "Suspend", value: (o) => String(at(o, "spec", "suspend") === true) },
      { header: "Active", type: "number", value: (o) => list(at(o, "status", "active")).length },
      { header: "Last schedule", type: "age", value: (o) => str(at(o, "status", "lastScheduleTime")) },
      age,
    ],
    health: (o) => (at(o, "spec", "suspend") === true ? "idle" : "ok"),
    actions: ["suspend", "unsuspend", "create-job", "delete"],
  },
];
