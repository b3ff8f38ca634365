// Time to the first line of "tail 300": a Docker container with a large log, and a Kubernetes
// pod, each read by the floor and through the dashboard, alternately, five rounds.
import { appendFileSync } from "node:fs";
import type { BenchContext } from "./context";
import { dashboardViewer, floorDocker, floorKube, Tally, until } from "./readers";
import { median } from "../support/proc";

const ROUNDS = 5;

async function firstLine(read: (tally: Tally) => Promise<() => void>): Promise<number> {
  const tally = new Tally();
  const stop = await read(tally);
  await until(() => tally.lines >= 300, 30_000);
  stop();
  return tally.firstAt;
}

export async function firstLineBench(ctx: BenchContext) {
  const docker = ctx.res.dockers[1]!;
  const big = await ctx.res.container("seq 1 200000; exec sleep 3600");
  await new Promise((r) => setTimeout(r, 3000));
  // A pod with a long log: kwok serves the shared log file to every pod.
  const lines = Array.from({ length: 2000 }, (_, i) => `${new Date().toISOString()} stdout F pod line ${i}`);
  appendFileSync(ctx.podLogFile, lines.join("\n") + "\n");
  const pods = await ctx.res.core().listNamespacedPod({ namespace: "sample", labelSelector: "app=web" });
  const pod = pods.items.find((p) => p.status?.phase === "Running")!;
  const podRef = { namespace: "sample", name: pod.metadata!.name!, container: "web" };

  const viewerRead =
    (endpointId: string, target: Parameters<Awaited<ReturnType<typeof dashboardViewer>>["subscribe"]>[1]) =>
    async (tally: Tally) => {
      const viewer = await dashboardViewer(ctx.app.url, ctx.cookie);
      viewer.onFrame((member, frame) =>
        tally.add(
          member,
          frame.lines.map((l) => l.text),
        ),
      );
      await viewer.subscribe(endpointId, target, 300);
      return () => viewer.close();
    };
  const figures = {
    docker: [] as number[],
    dockerFloor: [] as number[],
    kube: [] as number[],
    kubeFloor: [] as number[],
  };
  for (let round = 0; round < ROUNDS; round++) {
    figures.dockerFloor.push(await firstLine((t) => floorDocker(docker, big.id, 300, (x) => t.add("c", x))));
    figures.docker.push(await firstLine(viewerRead(ctx.engineIds[1]!, { kind: "container", containerId: big.id })));
    figures.kubeFloor.push(await firstLine((t) => floorKube(ctx.res.kc, podRef, 300, (x) => t.add("p", x))));
    figures.kube.push(
      await firstLine(
        viewerRead(ctx.clusterId, { kind: "pod", namespace: "sample", pod: podRef.name, container: "web" }),
      ),
    );
  }
  return {
    first_line_ms: median(figures.docker),
    floor_first_line_ms: median(figures.dockerFloor),
    kube_first_line_ms: median(figures.kube),
    kube_floor_first_line_ms: median(figures.kubeFloor),
  };
}
