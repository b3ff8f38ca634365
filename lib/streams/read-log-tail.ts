// "Download the last N lines" of one container or pod container, read once (not followed) and
// streamed to the client as text: demultiplexed for Docker containers without a TTY, capped in
// bytes (capped-download), the upstream stopped when the client goes away.
import type { IncomingMessage } from "node:http";
import { PassThrough } from "node:stream";
import { CoreV1Api, Log } from "@kubernetes/client-node";
import type Docker from "dockerode";
import type { Endpoint } from "../db/client";
import { dockerClient } from "../endpoints/docker-client";
import { kubeConfigFor } from "../endpoints/kube-client";
import type { KubeCaller } from "../kube/impersonation";
import { cappedDownload } from "./capped-download";
import { dockerDemuxer } from "./docker-demux";
import { upstreamMessage } from "./kube-log-source";
import type { LogLine } from "./log-line";
import type { LogTarget } from "./log-target";

export const MAX_DOWNLOAD_LINES = 100_000;

export type TailTarget = Extract<LogTarget, { kind: "container" | "pod" }>;

interface TailOptions {
  tail: number;
  timestamps: boolean;
}

/** The engine's log body as a stream (dockerode would buffer a non-follow read whole). */
function dockerLogBody(container: Docker.Container, options: TailOptions): Promise<IncomingMessage> {
  return new Promise((resolve, reject) =>
    (container.modem as { dial(o: unknown, cb: (e: Error | null, s: IncomingMessage) => void): void }).dial(
      {
        path: `/containers/${container.id}/logs?`,
        method: "GET",
        isStream: true,
        statusCodes: { 200: true, 404: "no such container", 500: "server error" },
        options: { follow: false, stdout: true, stderr: true, timestamps: options.timestamps, tail: options.tail },
      },
      (error, stream) => (error ? reject(error) : resolve(stream)),
    ),
  );
}

async function* demuxed(body: AsyncIterable<Buffer>, timestamps: boolean): AsyncGenerator<string> {
  let lines: LogLine[] = [];
  const feed = dockerDemuxer((batch) => {
    for (const line of batch) lines.push(line);
  });
  for await (const chunk of body) {
    feed(chunk);
    if (!lines.length) continue;
    yield lines.map((l) => (timestamps ? `${l.ts} ${l.text}\n` : `${l.text}\n`)).join("");
    lines = [];
  }
}

export async function readLogTail(
  endpoint: Endpoint,
  target: TailTarget,
  options: TailOptions,
  caller: KubeCaller,
): Promise<{ name: string; body: ReadableStream<Uint8Array> }> {
  if (target.kind === "container") {
    const container = dockerClient(endpoint, { long: true }).getContainer(target.containerId);
    const info = await container.inspect();
    const raw = await dockerLogBody(container, options);
    const chunks = info.Config.Tty ? (raw as AsyncIterable<Buffer>) : demuxed(raw, options.timestamps);
    return { name: info.Name.replace(/^\//, ""), body: cappedDownload({ chunks, stop: () => raw.destroy() }) };
  }
  const kc = kubeConfigFor(endpoint, caller);
  const { namespace, pod, previous } = target;
  // Without a container named, the pod's first one (as kubectl does); a missing pod is a 404 here.
  const container =
    target.container ??
    (await kc.makeApiClient(CoreV1Api).readNamespacedPod({ name: pod, namespace })).spec?.containers[0]?.name ??
    "";
  const sink = new PassThrough();
  // Errors before the first byte are thrown (404, 403) with the API server's own words.
  const controller = await new Log(kc)
    .log(namespace, pod, container, sink, {
      follow: false,
      previous,
      tailLines: options.tail,
      timestamps: options.timestamps,
    })
    .catch(async (error: { code?: number }) => {
      const message = await upstreamMessage(kc, { namespace, pod, container, previous }, error);
      throw Object.assign(new Error(message), { statusCode: error.code });
    });
  const stop = () => {
    controller.abort();
    sink.destroy();
  };
  return {
    name: `${pod}${target.container ? `-${target.container}` : ""}`,
    body: cappedDownload({ chunks: sink, stop }),
  };
}
