// A Docker engine's fleet figures from one `docker info` call (counts, CPUs, memory).
import type Docker from "dockerode";
import type { DockerFigures } from "./fleet-summary";

export async function dockerFigures(docker: Docker): Promise<DockerFigures> {
  const info = (await docker.info()) as Record<string, unknown>;
  return {
    containers: { running: Number(info.ContainersRunning ?? 0), total: Number(info.Containers ?? 0) },
    images: Number(info.Images ?? 0),
    cpus: Number(info.NCPU ?? 0),
    memoryBytes: Number(info.MemTotal ?? 0),
  };
}
