// Cluster and access kinds: nodes, namespaces, events, RBAC, CRDs. Columns follow `kubectl get`.
import { at, condition, created, join, list, num, str } from "./helpers";
import type { KubeColumn, KubeKind, KubeObject } from "./kind";

const age = { header: "Age", type: "age" as const, value: created };

function nodeStatus(o: KubeObject): string {
  const ready = condition(o, "Ready") === "True" ? "Ready" : "NotReady";
  return at(o, "spec", "unschedulable") === true ? `${ready},SchedulingDisabled` : ready;
}

function nodeRoles(o: KubeObject): string {
  const roles = Object.keys(o.metadata.labels ?? {})
    .filter((l) => l.startsWith("node-role.kubernetes.io/"))
    .map((l) => l.slice("node-role.kubernetes.io/".length));
  return roles.length ? roles.join(",") : "<none>";
}

const subjects = (o: KubeObject) => join(list(o.subjects).map((s) => `${str(s.kind)}/${str(s.name)}`));

// Roles and cluster roles, bindings and cluster bindings, read the same way.
const roleColumns: KubeColumn[] = [{ header: "Rules", type: "number", value: (o) => list(o.rules).length }, age];
const bindingColumns: KubeColumn[] = [
  { header: "Role", value: (o) => `${str(at(o, "roleRef", "kind"))}/${str(at(o, "roleRef", "name"))}` },
  { header: "Subjects", value: subjects },
  age,
];

export const CLUSTER_KINDS: KubeKind[] = [
  {
    kind: "Node",
    title: "Nodes",
    group: "",
    version: "v1",
    resource: "nodes",
    namespaced: false,
    category: "Cluster",
    columns: [
      { header: "Status", value: nodeStatus },
      { header: "Roles", value: nodeRoles },
      { header: "Version", value: (o) => str(at(o, "status", "nodeInfo", "kubeletVersion")) },
      { header: "CPU", value: (o) => str(at(o, "status", "capacity", "cpu")), wide: true },
      { header: "Memory", value: (o) => str(at(o, "status", "capacity", "memory")), wide: true },
      age,
    ],
    health: (o) => (condition(o, "Ready") !== "True" ? "bad" : at(o, "spec", "unschedulable") === true ? "warn" : "ok"),
    actions: ["cordon", "uncordon", "drain"],
  },
  {
    kind: "Namespace",
    title: "Namespaces",
    group: "",
    version: "v1",
    resource: "namespaces",
    namespaced: false,
    category: "Cluster",
    columns: [{ header: "Status", value: (o) => str(at(o, "status", "phase")) }, age],
    health: (o) => (at(o, "status", "phase") === "Active" ? "ok" : "warn"),
    actions: ["delete"],
  },
  {
    kind: "Event",
    title: "Events",
    group: "",
    version: "v1",
    resource: "events",
    namespaced: true,
    category: "Cluster",
    columns: [
      { header: "Type", value: (o) => str(o.type) },
      { header: "Reason", value: (o) => str(o.reason) },
      {
        header: "Object",
        value: (o) => `${str(at(o, "involvedObject", "kind"))}/${str(at(o, "involvedObject", "name"))}`,
      },
      { header: "Message", value: (o) => str(o.message) },
      { header: "Count", type: "number", value: (o) => num(o.count) ?? 1 },
      {
        header: "Last seen",
        type: "age",
        value: (o) => str(o.lastTimestamp) ?? str(o.eventTime) ?? created(o),
      },
    ],
    health: (o) => (o.type === "Warning" ? "warn" : "ok"),
    actions: [],
  },
  {
    kind: "CustomResourceDefinition",
    title: "CustomResourceDefinitions",
    group: "apiextensions.k8s.io",
    version: "v1",
    resource: "customresourcedefinitions",
    namespaced: false,
    category: "Cluster",
    columns: [
      { header: "Group", value: (o) => str(at(o, "spec", "group")) },
      { header: "Kind", value: (o) => str(at(o, "spec", "names", "kind")) },
      { header: "Scope", value: (o) => str(at(o, "spec", "scope")) },
      age,
    ],
    actions: ["delete"],
  },
];

export const ACCESS_KINDS: KubeKind[] = [
  {
    kind: "ServiceAccount",
    title: "ServiceAccounts",
    group: "",
    version: "v1",
    resource: "serviceaccounts",
    namespaced: true,
    category: "Access",
    columns: [age],
    actions: ["delete"],
  },
  {
    kind: "Role",
    title: "Roles",
    group: "rbac.authorization.k8s.io",
    version: "v1",
    resource: "roles",
    namespaced: true,
    category: "Access",
    columns: roleColumns,
    actions: ["delete"],
  },
  {
    kind: "RoleBinding",
    title: "RoleBindings",
    group: "rbac.authorization.k8s.io",
    version: "v1",
    resource: "rolebindings",
    namespaced: true,
    category: "Access",
    columns: bindingColumns,
    actions: ["delete"],
  },
  {
    kind: "ClusterRole",
    title: "ClusterRoles",
    group: "rbac.authorization.k8s.io",
    version: "v1",
    resource: "clusterroles",
    namespaced: false,
    category: "Access",
    columns: roleColumns,
    actions: ["delete"],
  },
  {
    kind: "ClusterRoleBinding",
    title: "ClusterRoleBindings",
    group: "rbac.authorization.k8s.io",
    version: "v1",
    resource: "clusterrolebindings",
    namespaced: false,
    category: "Access",
    columns: bindingColumns,
    actions: ["delete"],
  },
];
