// A cluster's fleet figures, taken from its overview (lib/kube/cluster-overview.ts).
import type { ClusterOverview } from "../kube/cluster-overview";
import type { KubeFigures } from "./fleet-summary";

export function kubeFigures(overview: ClusterOverview): KubeFigures {
  const { pods, nodes, capacity } = overview;
  return {
    nodes: nodes && { ready: nodes.ready, total: nodes.ready + nodes.notReady },
    pods: { running: pods.running, total: pods.running + pods.pending + pods.failed + pods.succeeded },
    capacity: capacity && { cpu: capacity.cpu, memoryBytes: capacity.memoryBytes },
    namespaces: overview.namespaces,
    warningsLastHour: overview.warningsLastHour,
  };
}
