// Every built-in kind Fleetdeck shows, found by the id used in dashboard URLs ("deployments.apps",
// "pods"). Custom resources get descriptors at run time from discovery (lib/kube/discovery).
import { ACCESS_KINDS, CLUSTER_KINDS } from "./cluster-access";
import { resourceId, type KubeKind } from "./kind";
import { CONFIG_KINDS, NETWORK_KINDS, STORAGE_KINDS } from "./network-config-storage";
import { WORKLOAD_KINDS } from "./workloads";

export const BUILT_IN_KINDS: KubeKind[] = [
  ...WORKLOAD_KINDS,
  ...NETWORK_KINDS,
  ...CONFIG_KINDS,
  ...STORAGE_KINDS,
  ...CLUSTER_KINDS,
  ...ACCESS_KINDS,
];

const byId = new Map(BUILT_IN_KINDS.map((k) => [resourceId(k), k]));

/** The built-in kind with this id ("deployments.apps"), or undefined. */
export const builtInKind = (id: string): KubeKind | undefined => byId.get(id);
