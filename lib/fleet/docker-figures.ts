// A Docker engine's fleet figures: `docker info` (counts, CPUs, memory) and the warnings of the
// last hour from the engine's event log, read side by side.
import type Docker from "dockerode";
import { dockerWarningsLastHour } from "../docker/recent-warnings";
import type { DockerFigures } from "./fleet-summary";

export async function dockerFigures(docker: Docker): Promise<DockerFigures> {
  const [info, warningsLastHour] = (await Promise.all([docker.info(), dockerWarningsLastHour(docker)])) as [
    Record<string, unknown>,
    number,
  ];
  return {
    containers: { running: Number(info.ContainersRunning ?? 0), total: Number(info.Containers ?? 0) },
    images: Number(info.Images ?? 0),
    cpus: Number(info.NCPU ?? 0),
    memoryBytes: Number(info.MemTotal ?? 0),
    warningsLastHour,
  };
}
