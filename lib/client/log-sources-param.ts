// Log sources in the URL, so a view can be bookmarked and shared:
//   s=<endpointId>~c~<containerId>                     a Docker container
//   s=<endpointId>~p~<namespace>~<pod>[~<container>]   a Kubernetes pod (container)
import type { LogSourceRef } from "./use-log-stream";

export function encodeSource(source: LogSourceRef): string {
  const t = source.target;
  return t.kind === "container"
    ? `${source.endpointId}~c~${t.containerId}`
    : [source.endpointId, "p", t.namespace, t.pod, ...(t.container ? [t.container] : [])].join("~");
}

export function decodeSource(value: string): LogSourceRef | null {
  const [endpointId, kind, a, b, c] = value.split("~");
  if (!endpointId || !a) return null;
  if (kind === "c") return { endpointId, target: { kind: "container", containerId: a } };
  if (kind === "p" && b) return { endpointId, target: { kind: "pod", namespace: a, pod: b, container: c } };
  return null;
}
