// The action (lib/rbac/actions.ts) each container action needs. Client-safe, so the containers
// table offers exactly what the route (container-actions.ts) allows.
import type { Action } from "../rbac/actions";

export const CONTAINER_ACTION_PERMISSIONS = {
  start: "workload.lifecycle",
  stop: "workload.lifecycle",
  restart: "workload.lifecycle",
  kill: "workload.lifecycle",
  pause: "workload.lifecycle",
  unpause: "workload.lifecycle",
  rename: "workload.lifecycle",
  // Same configuration with a changed image tag or environment.
  recreate: "resource.write",
  remove: "resource.delete",
} as const satisfies Record<string, Action>;

export type ContainerAction = keyof typeof CONTAINER_ACTION_PERMISSIONS;
