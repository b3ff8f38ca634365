// An engine at a glance: version, host, counts by state, and disk usage (`docker system df`).
import type Docker from "dockerode";

export interface EngineSummary {
  version: string;
  apiVersion: string;
  os: string;
  kernel: string;
  architecture: string;
  cpus: number;
  memoryBytes: number;
  hostname: string;
  containers: { total: number; running: number; paused: number; stopped: number };
  images: number;
  volumes: number;
  networks: number;
  disk: { imagesBytes: number; containersBytes: number; volumesBytes: number; buildCacheBytes: number };
  warnings: string[];
}

interface DiskUsage {
  LayersSize?: number;
  Containers?: { SizeRw?: number }[];
  Volumes?: { UsageData?: { Size?: number } }[];
  BuildCache?: { Size?: number }[];
}

const sum = (values: (number | undefined)[]) => values.reduce<number>((total, v) => total + (v && v > 0 ? v : 0), 0);

export async function engineSummary(docker: Docker): Promise<EngineSummary> {
  const [version, info, df, volumes, networks] = await Promise.all([
    docker.version(),
    docker.info() as Promise<Record<string, unknown>>,
    docker.df() as Promise<DiskUsage>,
    docker.listVolumes(),
    docker.listNetworks(),
  ]);
  return {
    version: version.Version,
    apiVersion: version.ApiVersion,
    os: String(info.OperatingSystem ?? version.Os),
    kernel: version.KernelVersion,
    architecture: version.Arch,
    cpus: Number(info.NCPU ?? 0),
    memoryBytes: Number(info.MemTotal ?? 0),
    hostname: String(info.Name ?? ""),
    containers: {
      total: Number(info.Containers ?? 0),
      running: Number(info.ContainersRunning ?? 0),
      paused: Number(info.ContainersPaused ?? 0),
      stopped: Number(info.ContainersStopped ?? 0),
    },
    images: Number(info.Images ?? 0),
    volumes: volumes.Volumes?.length ?? 0,
    networks: networks.length,
    disk: {
      imagesBytes: df.LayersSize ?? 0,
      containersBytes: sum((df.Containers ?? []).map((c) => c.SizeRw)),
      volumesBytes: sum((df.Volumes ?? []).map((v) => v.UsageData?.Size)),
      buildCacheBytes: sum((df.BuildCache ?? []).map((b) => b.Size)),
    },
    warnings: (info.Warnings as string[] | null) ?? [],
  };
}
