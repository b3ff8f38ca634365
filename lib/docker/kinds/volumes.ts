// Volumes as a listed Docker kind: columns, create form and permissions (client-safe).
import { RESOURCE_ACTIONS, type DockerKind } from "./kind";

export interface VolumeRow {
  name: string;
  driver: string;
  mountpoint: string;
  created: string | null;
  labels: Record<string, string>;
  usedBy: string[];
}

export const VOLUMES = {
  resource: "volumes",
  singular: "volume",
  title: "Volumes",
  staleOn: "volume",
  key: (r) => r.name,
  label: (r) => r.name,
  columns: [
    { header: "Name", cell: (r) => r.name },
    { header: "Driver", cell: (r) => r.driver },
    { header: "Mount point", cell: (r) => ({ code: r.mountpoint }) },
    { header: "Used by", cell: (r) => (r.usedBy.length ? r.usedBy.join(", ") : { muted: "unused" }) },
  ],
  createFields: [{ name: "name", label: "Volume name", required: true }],
  pruneWhat: "unused volumes",
  actions: RESOURCE_ACTIONS,
} as const satisfies DockerKind<VolumeRow>;
