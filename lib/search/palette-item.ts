// What the command palette shows for one object, and what it may do with it: plain data computed
// by the server (links, and only the actions the person's role allows there). Client-safe.

/** The object types the palette finds. */
export type PaletteType =
  | "endpoint"
  | "container"
  | "stack"
  | "image"
  | "volume"
  | "network"
  | "namespace"
  | "node"
  | "pod"
  | "deployment"
  | "statefulset"
  | "daemonset"
  | "job"
  | "cronjob"
  | "service";

export type PaletteAction =
  /** Opens the log viewer. */
  | { kind: "logs"; href: string }
  /** Docker container restart, or a Kubernetes rollout restart: a POST with an empty body. */
  | { kind: "restart"; path: string }
  /** Sets a workload's replicas: a POST of `{replicas}`. */
  | { kind: "scale"; path: string; replicas: number };

export interface PaletteItem {
  /** Stable across answers (recents are kept by it). */
  key: string;
  type: PaletteType;
  /** The type in words ("Container", "Deployment"). */
  label: string;
  name: string;
  namespace?: string;
  /** A short state: a container's status, a pod's phase, a workload's ready count. */
  detail?: string;
  endpointId: string;
  endpointName: string;
  /** The page Enter opens. */
  href: string;
  actions: PaletteAction[];
}

export interface PaletteAnswer {
  items: PaletteItem[];
  /** Endpoints whose state was still being read when the answer was due (ask again shortly). */
  pending: string[];
  /** Endpoints that could not be searched, in words. */
  problems: { endpointName: string; message: string }[];
}
