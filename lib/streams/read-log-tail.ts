// The last N lines of one container or pod container, read once (not followed), as text: what
// "Download the last N lines" saves. N is bounded, so memory is too.
import { CoreV1Api } from "@kubernetes/client-node";
import type { Endpoint } from "../db/client";
import { dockerClient } from "../endpoints/docker-client";
import { kubeConfigFor } from "../endpoints/kube-client";
import type { LogTarget } from "./log-target";
import { demuxDockerLog } from "./docker-demux";

export const MAX_DOWNLOAD_LINES = 100_000;

export type TailTarget = Extract<LogTarget, { kind: "container" | "pod" }>;

export async function readLogTail(
  endpoint: Endpoint,
  target: TailTarget,
  options: { tail: number; timestamps: boolean },
): Promise<{ name: string; text: string }> {
  if (target.kind === "container") {
    const container = dockerClient(endpoint).getContainer(target.containerId);
    const info = await container.inspect();
    const body = (await container.logs({
      follow: false,
      stdout: true,
      stderr: true,
      timestamps: options.timestamps,
      tail: options.tail,
    })) as unknown as Buffer;
    const text = info.Config.Tty
      ? body.toString("utf8")
      : demuxDockerLog(body)
          .map((l) => (options.timestamps ? `${l.ts} ${l.text}` : l.text))
          .join("\n") + "\n";
    return { name: info.Name.replace(/^\//, ""), text };
  }
  const text = await kubeConfigFor(endpoint).makeApiClient(CoreV1Api).readNamespacedPodLog({
    name: target.pod,
    namespace: target.namespace,
    container: target.container,
    previous: target.previous,
    tailLines: options.tail,
    timestamps: options.timestamps,
  });
  return { name: `${target.pod}${target.container ? `-${target.container}` : ""}`, text };
}
