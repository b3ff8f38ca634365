// The labelled set of containers benchmarks run against (a third running), made when missing and
// removed afterwards: left behind, they would crowd the engines other suites share.
import Docker from "dockerode";

export const BENCH_LABEL = "fleetdeck.bench=1";

export async function ensureBenchContainers(docker: Docker, count: number, image: string): Promise<void> {
  const existing = await docker.listContainers({ all: true, filters: { label: [BENCH_LABEL] } });
  for (let i = existing.length; i < count; i++) {
    const c = await docker.createContainer({
      name: `bench-${String(i).padStart(4, "0")}`,
      Image: image,
      Cmd: ["sleep", "3600"],
      Labels: { "fleetdeck.bench": "1", "com.docker.compose.project": `bench-${i % 10}` },
      HostConfig: { NetworkMode: "none" },
    });
    if (i % 3 === 0) await c.start();
  }
}

export async function removeBenchContainers(docker: Docker): Promise<void> {
  const existing = await docker.listContainers({ all: true, filters: { label: [BENCH_LABEL] } });
  // A few at a time: hundreds of parallel removals make the engine itself the bottleneck.
  for (let i = 0; i < existing.length; i += 16)
    await Promise.all(existing.slice(i, i + 16).map((c) => docker.getContainer(c.Id).remove({ force: true })));
}
