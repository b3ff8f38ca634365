// Logs of one container of a Kubernetes pod, followed through the API server (client-node Log),
// with the API server's timestamps. Kubernetes does not tell stdout from stderr.
import { Writable } from "node:stream";
import { Log, type KubeConfig, type LogOptions } from "@kubernetes/client-node";
import { compareTs, splitTimestamp, type LogLine } from "./log-line";
import type { LogSource } from "./log-source";

export function kubeLogSource(options: {
  endpointId: string;
  kc: KubeConfig;
  namespace: string;
  pod: string;
  container: string;
  /** The instance before the last restart: read once, not followed. */
  previous?: boolean;
}): LogSource {
  const { namespace, pod, container, previous } = options;
  return {
    key: `kube:${options.endpointId}:${namespace}/${pod}/${container}${previous ? ":previous" : ""}`,
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
      // client-node drops tailLines=0 (it would send the whole log): "nothing old" is asked as
      // "since now", and the lines of this second from before now are dropped here.
      const fromNow = !since && tail === 0 ? new Date().toISOString() : undefined;
      // The API server takes whole seconds; the hub drops what was already seen.
      const from = since ?? fromNow;
      const sinceTime = from ? `${from.slice(0, 19)}Z` : undefined;
      const controller = await new Log(options.kc).log(namespace, pod, container, sink, {
        follow: !previous,
        previous,
        timestamps: true,
        tailLines: from ? undefined : tail,
        sinceTime,
      } satisfies LogOptions);
      sink.on("close", () => end());
      return () => {
        ended = true;
        controller.abort();
      };
    },
  };
}
