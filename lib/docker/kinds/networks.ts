// Networks as a listed Docker kind: columns, create form and permissions (client-safe).
import { RESOURCE_ACTIONS, type DockerKind } from "./kind";

export interface NetworkRow {
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  subnets: string[];
  usedBy: string[];
}

export const NETWORKS = {
  resource: "networks",
  singular: "network",
  title: "Networks",
  staleOn: "network",
  key: (r) => r.id,
  label: (r) => r.name,
  columns: [
    { header: "Name", cell: (r) => r.name },
    { header: "Driver", cell: (r) => r.driver },
    { header: "Subnets", cell: (r) => r.subnets.join(", ") },
    { header: "Internal", cell: (r) => (r.internal ? "yes" : "no") },
    { header: "Used by", cell: (r) => (r.usedBy.length ? r.usedBy.join(", ") : { muted: "unused" }) },
  ],
  createFields: [
    { name: "name", label: "Network name", required: true },
    { name: "subnet", label: "Subnet (optional)", placeholder: "172.30.0.0/24" },
  ],
  pruneWhat: "unused networks",
  actions: RESOURCE_ACTIONS,
} as const satisfies DockerKind<NetworkRow>;
