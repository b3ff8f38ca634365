// Logs of one container of a Kubernetes pod, followed through the API server (client-node Log),
// with the API server's timestamps. Kubernetes does not tell stdout from stderr.
import { Writable } from "node:stream";
import { CoreV1Api, Log, type KubeConfig, type LogOptions } from "@kubernetes/client-node";
import { compareTs, splitTimestamp, type LogLine } from "./log-line";
import type { LogSource } from "./log-source";

/**
 * client-node's Log hides why a request failed ("Error occurred in log request"): ask the same
 * question once more without following, to get the API server's own words.
 */
export async function upstreamMessage(
  kc: KubeConfig,
  target: { namespace: string; pod: string; container: string; previous?: boolean },
  original: unknown,
): Promise<string> {
  try {
    await kc.makeApiClient(CoreV1Api).readNamespacedPodLog({
      name: target.pod,
      namespace: target.namespace,
      container: target.container,
      previous: target.previous,
      limitBytes: 1,
    });
  } catch (error) {
    const body = (error as { body?: unknown }).body;
    try {
      const status = (typeof body === "string" ? JSON.parse(body) : body) as { message?: string } | undefined;
      if (status?.message) return status.message;
    } catch {
      /* not a Status object */
    }
  }
  return (original as Error)?.message ?? String(original);
}

export function kubeLogSource(options: {
  endpointId: string;
  kc: KubeConfig;
  namespace: string;
  pod: string;
  container: string;
  /** The instance before the last restart: read once, not followed. */
  previous?: boolean;
  /** Whom `kc` reads as (impersonation's callerKey): only viewers reading as the same share it. */
  readAs?: string;
}): LogSource {
  const { namespace, pod, container, previous } = options;
  return {
    key: `kube:${options.endpointId}:${namespace}/${pod}/${container}${previous ? ":previous" : ""}${options.readAs ?? ""}`,
    label: `${pod}/${container}${previous ? " (previous)" : ""}`,
    endpointId: options.endpointId,
    namespace,
    once: previous,
    async open({ since, tail }, onLines, onEnd) {
      let rest = "";
      let ended = false;
      const end = (error?: Error) => {
        if (ended) return;
        ended = true;
        onEnd(error);
      };
      // client-node drops tailLines=0 (it would send the whole log): "nothing old" is asked as
      // "since now", and the lines of this second from before now are dropped here.
      const fromNow = !since && tail === 0 ? new Date().toISOString() : undefined;
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          const parts = (rest + chunk.toString("utf8")).split("\n");
          rest = parts.pop() ?? "";
          let lines = parts.map((raw): LogLine => ({ ...splitTimestamp(raw), stream: "stdout" }));
          if (fromNow) lines = lines.filter((l) => compareTs(l.ts, fromNow) >= 0);
          if (lines.length) onLines(lines);
          done();
        },
      });
      sink.on("finish", () => end());
      // The API server takes whole seconds; the hub drops what was already seen.
      const from = since ?? fromNow;
      const sinceTime = from ? `${from.slice(0, 19)}Z` : undefined;
      const controller = await new Log(options.kc)
        .log(namespace, pod, container, sink, {
          follow: !previous,
          previous,
          timestamps: true,
          tailLines: from ? undefined : tail,
          sinceTime,
        } satisfies LogOptions)
        .catch(async (error: unknown) => {
          throw new Error(await upstreamMessage(options.kc, { namespace, pod, container, previous }, error));
        });
      sink.on("close", () => end());
      return () => {
        ended = true;
        controller.abort();
      };
    },
  };
}
