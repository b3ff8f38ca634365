// Log sources in the URL, so a view can be bookmarked and shared (parts are URI-encoded):
//   s=<endpointId>~c~<containerId>                        a Docker container
//   s=<endpointId>~l~<labels>                             Docker containers with labels (compose project)
//   s=<endpointId>~p~<namespace>~<pod>[~<container>]      a Kubernetes pod (container)
//   s=<endpointId>~pp~<namespace>~<pod>~<container>       its previous instance
//   s=<endpointId>~w~<namespace>~<Kind>~<name>            a workload's pods
//   s=<endpointId>~k~<selector>[~<namespace>]             pods matching a label selector
import { WORKLOAD_KINDS, type WorkloadKind } from "../kube/workload-kinds";
import type { LogSourceRef } from "./use-log-stream";

export function encodeSource(source: LogSourceRef): string {
  const t = source.target;
  const parts =
    t.kind === "container"
      ? ["c", t.containerId]
      : t.kind === "labels"
        ? ["l", t.selector]
        : t.kind === "pod"
          ? t.previous
            ? ["pp", t.namespace, t.pod, t.container ?? ""]
            : ["p", t.namespace, t.pod, ...(t.container ? [t.container] : [])]
          : t.kind === "workload"
            ? ["w", t.namespace, t.workload, t.name]
            : ["k", t.selector, ...(t.namespace ? [t.namespace] : [])];
  // encodeURIComponent leaves "~" alone: it is the separator here.
  return [source.endpointId, ...parts].map((p) => encodeURIComponent(p).replaceAll("~", "%7E")).join("~");
}

export function decodeSource(value: string): LogSourceRef | null {
  let parts: string[];
  try {
    parts = value.split("~").map(decodeURIComponent);
  } catch {
    return null;
  }
  const [endpointId, kind, a, b, c] = parts;
  if (!endpointId || !a) return null;
  const of = (target: LogSourceRef["target"]): LogSourceRef => ({ endpointId, target });
  if (kind === "c") return of({ kind: "container", containerId: a });
  if (kind === "l") return of({ kind: "labels", selector: a });
  if (kind === "k") return of({ kind: "selector", selector: a, namespace: b || undefined });
  if (kind === "p" && b) return of({ kind: "pod", namespace: a, pod: b, container: c });
  if (kind === "pp" && b && c) return of({ kind: "pod", namespace: a, pod: b, container: c, previous: true });
  if (kind === "w" && b && c && (WORKLOAD_KINDS as readonly string[]).includes(b))
    return of({ kind: "workload", namespace: a, workload: b as WorkloadKind, name: c });
  return null;
}
