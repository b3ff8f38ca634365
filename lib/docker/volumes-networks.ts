// Volumes and networks, each with the containers that use it.
import type Docker from "dockerode";
import { z } from "zod";
import type { NetworkRow } from "./kinds/networks";
import type { VolumeRow } from "./kinds/volumes";
import { networkRef, volumeRef } from "./names";

const containerName = (c: Docker.ContainerInfo) => (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, "");

export async function listVolumes(docker: Docker): Promise<VolumeRow[]> {
  const [volumes, containers] = await Promise.all([docker.listVolumes(), docker.listContainers({ all: true })]);
  return (volumes.Volumes ?? []).map((v) => ({
    name: v.Name,
    driver: v.Driver,
    mountpoint: v.Mountpoint,
    created: (v as { CreatedAt?: string }).CreatedAt ?? null,
    labels: v.Labels ?? {},
    usedBy: containers
      .filter((c) => c.Mounts?.some((m) => m.Type === "volume" && m.Name === v.Name))
      .map(containerName),
  }));
}

export async function listNetworks(docker: Docker): Promise<NetworkRow[]> {
  const [networks, containers] = await Promise.all([docker.listNetworks(), docker.listContainers({ all: true })]);
  return networks.map((n) => ({
    id: n.Id,
    name: n.Name,
    driver: n.Driver,
    scope: n.Scope,
    internal: n.Internal,
    subnets: (n.IPAM?.Config ?? []).map((c) => c.Subnet ?? "").filter(Boolean),
    usedBy: containers
      .filter((c) => Object.values(c.NetworkSettings?.Networks ?? {}).some((cn) => cn.NetworkID === n.Id))
      .map(containerName),
  }));
}

const labels = z.record(z.string().max(256), z.string().max(4096)).default({});

export const createVolumeSchema = z.object({ name: volumeRef, driver: z.string().max(128).default("local"), labels });
export const createNetworkSchema = z.object({
  name: networkRef,
  driver: z.string().max(128).default("bridge"),
  internal: z.boolean().default(false),
  subnet: z.string().max(64).optional(),
  labels,
});
