// What Fleetdeck knows about one Kubernetes kind, as data: where its API is, how a list row is
// made from an object, and which actions it offers with the permission each needs. Client-safe
// (pure functions over plain objects, no server modules), so pages and routes share one
// descriptor; the calls that change objects live server-side (lib/kube/actions).
import type { Action } from "../../rbac/actions";

/** Where a resource lives in the API: `/api/v1/…` (core, group "") or `/apis/{group}/{version}/…`. */
export interface KubeResourceRef {
  group: string;
  version: string;
  /** Plural, as in the URL ("deployments"). */
  resource: string;
  namespaced: boolean;
}

/** A Kubernetes object as JSON (metadata is all every kind has in common). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
    generation?: number;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** How a list shows a row's health: the colour of its status cell. */
export type Health = "ok" | "warn" | "bad" | "idle";

export type CellValue = string | number | null;

export interface KubeColumn {
  header: string;
  /** "age": the value is an RFC 3339 time shown as a ticking age; "number" sorts numerically. */
  type?: "text" | "number" | "age";
  value(object: KubeObject): CellValue;
  /** Shown only on wide screens / when asked. */
  wide?: boolean;
}

export type KubeActionName =
  | "delete"
  | "scale"
  | "restart"
  | "pause"
  | "resume"
  | "cordon"
  | "uncordon"
  | "suspend"
  | "unsuspend"
  | "rollback"
  | "drain"
  | "create-job"
  | "logs"
  | "reveal";

export interface KubeKind extends KubeResourceRef {
  /** Singular, as in YAML ("Deployment"). */
  kind: string;
  /** Plural, for people ("Deployments"). */
  title: string;
  /** Where it sits in the navigation. */
  category: "Workloads" | "Network" | "Config" | "Storage" | "Cluster" | "Access" | "Custom";
  columns: KubeColumn[];
  /** The row's health, when the kind has a notion of one. */
  health?(object: KubeObject): Health;
  actions: KubeActionName[];
  /** A custom resource found by discovery (columns from its printer columns). */
  custom?: boolean;
}

/** The permission each action needs (checked on the server; the UI asks the same table). */
export const KUBE_ACTION_PERMISSIONS: Record<KubeActionName, Action> = {
  delete: "resource.delete",
  scale: "workload.lifecycle",
  restart: "workload.lifecycle",
  pause: "workload.lifecycle",
  resume: "workload.lifecycle",
  cordon: "workload.lifecycle",
  uncordon: "workload.lifecycle",
  suspend: "workload.lifecycle",
  unsuspend: "workload.lifecycle",
  rollback: "workload.lifecycle",
  // Evicts pods in every namespace: the node is cluster-scoped, so only a grant not limited to
  // namespaces covers it.
  drain: "workload.lifecycle",
  // Running a CronJob's template now is what operators do by hand; it creates nothing else.
  "create-job": "workload.lifecycle",
  logs: "logs.read",
  reveal: "secret.read",
};

/** The API path of a collection, or of one object when `name` is given. */
export function resourcePath(ref: KubeResourceRef, options: { namespace?: string; name?: string } = {}): string {
  const base = ref.group ? `/apis/${ref.group}/${ref.version}` : `/api/${ref.version}`;
  const ns = ref.namespaced && options.namespace ? `/namespaces/${encodeURIComponent(options.namespace)}` : "";
  const name = options.name ? `/${encodeURIComponent(options.name)}` : "";
  return `${base}${ns}/${ref.resource}${name}`;
}

/** "deployments.apps", "pods": how a resource is named in URLs of the dashboard (kubectl's words). */
export const resourceId = (ref: Pick<KubeResourceRef, "group" | "resource">) =>
  ref.group ? `${ref.resource}.${ref.group}` : ref.resource;
