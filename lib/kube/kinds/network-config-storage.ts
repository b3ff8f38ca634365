// Network, configuration and storage kinds. Columns follow what `kubectl get` prints.
import { at, created, join, list, num, selectorText, str } from "./helpers";
import type { KubeKind, KubeObject } from "./kind";

const age = { header: "Age", type: "age" as const, value: created };
const keys = (o: KubeObject, field: string) => Object.keys((o[field] as object | undefined) ?? {}).length;

function servicePorts(o: KubeObject): string {
  return join(
    list(at(o, "spec", "ports")).map(
      (p) => `${num(p.port)}${p.nodePort ? `:${num(p.nodePort)}` : ""}/${str(p.protocol) ?? "TCP"}`,
    ),
  );
}

export const NETWORK_KINDS: KubeKind[] = [
  {
    kind: "Service",
    title: "Services",
    group: "",
    version: "v1",
    resource: "services",
    namespaced: true,
    category: "Network",
    columns: [
      { header: "Type", value: (o) => str(at(o, "spec", "type")) },
      { header: "Cluster IP", value: (o) => str(at(o, "spec", "clusterIP")) },
      { header: "Ports", value: servicePorts },
      { header: "Selector", value: (o) => selectorText({ matchLabels: at(o, "spec", "selector") }), wide: true },
      age,
    ],
    actions: ["delete"],
  },
  {
    kind: "EndpointSlice",
    title: "EndpointSlices",
    group: "discovery.k8s.io",
    version: "v1",
    resource: "endpointslices",
    namespaced: true,
    category: "Network",
    columns: [
      { header: "Address type", value: (o) => str(o.addressType) },
      { header: "Endpoints", value: (o) => join(list(o.endpoints).flatMap((e) => list(e.addresses))) },
      { header: "Ports", value: (o) => join(list(o.ports).map((p) => num(p.port))) },
      age,
    ],
    actions: ["delete"],
  },
  {
    kind: "Ingress",
    title: "Ingresses",
    group: "networking.k8s.io",
    version: "v1",
    resource: "ingresses",
    namespaced: true,
    category: "Network",
    columns: [
      { header: "Class", value: (o) => str(at(o, "spec", "ingressClassName")) },
      { header: "Hosts", value: (o) => join(list(at(o, "spec", "rules")).map((r) => r.host ?? "*")) },
      {
        header: "Address",
        value: (o) => join(list(at(o, "status", "loadBalancer", "ingress")).map((i) => i.ip ?? i.hostname)),
      },
      age,
    ],
    actions: ["delete"],
  },
  {
    kind: "IngressClass",
    title: "IngressClasses",
    group: "networking.k8s.io",
    version: "v1",
    resource: "ingressclasses",
    namespaced: false,
    category: "Network",
    columns: [{ header: "Controller", value: (o) => str(at(o, "spec", "controller")) }, age],
    actions: ["delete"],
  },
  {
    kind: "NetworkPolicy",
    title: "NetworkPolicies",
    group: "networking.k8s.io",
    version: "v1",
    resource: "networkpolicies",
    namespaced: true,
    category: "Network",
    columns: [{ header: "Pod selector", value: (o) => selectorText(at(o, "spec", "podSelector")) || "(all)" }, age],
    actions: ["delete"],
  },
];

export const CONFIG_KINDS: KubeKind[] = [
  {
    kind: "ConfigMap",
    title: "ConfigMaps",
    group: "",
    version: "v1",
    resource: "configmaps",
    namespaced: true,
    category: "Config",
    columns: [{ header: "Data", type: "number", value: (o) => keys(o, "data") + keys(o, "binaryData") }, age],
    actions: ["delete"],
  },
  {
    kind: "Secret",
    title: "Secrets",
    group: "",
    version: "v1",
    resource: "secrets",
    namespaced: true,
    category: "Config",
    columns: [
      { header: "Type", value: (o) => str(o.type) },
      { header: "Data", type: "number", value: (o) => keys(o, "data") },
      age,
    ],
    actions: ["reveal", "delete"],
  },
  {
    kind: "HorizontalPodAutoscaler",
    title: "HorizontalPodAutoscalers",
    group: "autoscaling",
    version: "v2",
    resource: "horizontalpodautoscalers",
    namespaced: true,
    category: "Config",
    columns: [
      {
        header: "Reference",
        value: (o) => `${str(at(o, "spec", "scaleTargetRef", "kind"))}/${str(at(o, "spec", "scaleTargetRef", "name"))}`,
      },
      { header: "Min", type: "number", value: (o) => num(at(o, "spec", "minReplicas")) ?? 1 },
      { header: "Max", type: "number", value: (o) => num(at(o, "spec", "maxReplicas")) },
      { header: "Replicas", type: "number", value: (o) => num(at(o, "status", "currentReplicas")) ?? 0 },
      age,
    ],
    actions: ["delete"],
  },
  {
    kind: "PodDisruptionBudget",
    title: "PodDisruptionBudgets",
    group: "policy",
    version: "v1",
    resource: "poddisruptionbudgets",
    namespaced: true,
    category: "Config",
    columns: [
      { header: "Min available", value: (o) => String(at(o, "spec", "minAvailable") ?? "N/A") },
      { header: "Max unavailable", value: (o) => String(at(o, "spec", "maxUnavailable") ?? "N/A") },
      { header: "Allowed disruptions", type: "number", value: (o) => num(at(o, "status", "disruptionsAllowed")) },
      age,
    ],
    actions: ["delete"],
  },
  {
    kind: "ResourceQuota",
    title: "ResourceQuotas",
    group: "",
    version: "v1",
    resource: "resourcequotas",
    namespaced: true,
    category: "Config",
    columns: [
      {
        header: "Used / hard",
        value: (o) => {
          const hard = (at(o, "status", "hard") ?? {}) as Record<string, string>;
          const used = (at(o, "status", "used") ?? {}) as Record<string, string>;
          return join(Object.keys(hard).map((k) => `${k}: ${used[k] ?? 0}/${hard[k]}`));
        },
      },
      age,
    ],
    actions: ["delete"],
  },
  {
    kind: "LimitRange",
    title: "LimitRanges",
    group: "",
    version: "v1",
    resource: "limitranges",
    namespaced: true,
    category: "Config",
    columns: [age],
    actions: ["delete"],
  },
];

export const STORAGE_KINDS: KubeKind[] = [
  {
    kind: "PersistentVolumeClaim",
    title: "PersistentVolumeClaims",
    group: "",
    version: "v1",
    resource: "persistentvolumeclaims",
    namespaced: true,
    category: "Storage",
    columns: [
      { header: "Status", value: (o) => str(at(o, "status", "phase")) },
      { header: "Volume", value: (o) => str(at(o, "spec", "volumeName")) },
      { header: "Capacity", value: (o) => str(at(o, "status", "capacity", "storage")) },
      { header: "Storage class", value: (o) => str(at(o, "spec", "storageClassName")) },
      age,
    ],
    health: (o) => (at(o, "status", "phase") === "Bound" ? "ok" : at(o, "status", "phase") === "Lost" ? "bad" : "warn"),
    actions: ["delete"],
  },
  {
    kind: "PersistentVolume",
    title: "PersistentVolumes",
    group: "",
    version: "v1",
    resource: "persistentvolumes",
    namespaced: false,
    category: "Storage",
    columns: [
      { header: "Capacity", value: (o) => str(at(o, "spec", "capacity", "storage")) },
      { header: "Status", value: (o) => str(at(o, "status", "phase")) },
      {
        header: "Claim",
        value: (o) => {
          const ref = at(o, "spec", "claimRef");
          return ref ? `${str(at(ref, "namespace"))}/${str(at(ref, "name"))}` : null;
        },
      },
      { header: "Storage class", value: (o) => str(at(o, "spec", "storageClassName")) },
      age,
    ],
    health: (o) => (at(o, "status", "phase") === "Failed" ? "bad" : "ok"),
    actions: ["delete"],
  },
  {
    kind: "StorageClass",
    title: "StorageClasses",
    group: "storage.k8s.io",
    version: "v1",
    resource: "storageclasses",
    namespaced: false,
    category: "Storage",
    columns: [
      { header: "Provisioner", value: (o) => str(o.provisioner) },
      { header: "Reclaim policy", value: (o) => str(o.reclaimPolicy) ?? "Delete" },
      age,
    ],
    actions: ["delete"],
  },
];
