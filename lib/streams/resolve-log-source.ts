// From a subscription's target to the log source behind it, after checking that the subject may
// read it. Docker containers and Kubernetes pod containers come out as the same LogSource.
import { CoreV1Api } from "@kubernetes/client-node";
import type { Endpoint } from "../db/client";
import { dockerClient } from "../endpoints/docker-client";
import { kubeConfigFor } from "../endpoints/kube-client";
import type { LogTarget } from "../realtime/events";
import { authorize, type Subject } from "../rbac/authorize";
import { dockerLogSource } from "./docker-log-source";
import { kubeLogSource } from "./kube-log-source";
import type { LogSource } from "./log-source";

export class LogAccessError extends Error {}

export async function resolveLogSource(subject: Subject, endpoint: Endpoint, target: LogTarget): Promise<LogSource> {
  const namespace = target.kind === "pod" ? target.namespace : undefined;
  const decision = authorize(subject, "logs.read", { endpointId: endpoint.id, namespace });
  // Same answer for "does not exist" and "not yours", as over HTTP.
  if (!decision.allowed && decision.reason === "not-visible") throw new LogAccessError("endpoint not found");
  if (!decision.allowed) throw new LogAccessError("you may not read these logs");
  if (target.kind === "container") {
    if (endpoint.kind !== "DOCKER")
      throw new LogAccessError("containers are on Docker endpoints; this one is Kubernetes");
    const docker = dockerClient(endpoint);
    const info = await docker.getContainer(target.containerId).inspect();
    return dockerLogSource({
      endpointId: endpoint.id,
      docker,
      containerId: info.Id,
      label: info.Name.replace(/^\//, ""),
    });
  }
  if (endpoint.kind !== "KUBERNETES") throw new LogAccessError("pods are on Kubernetes endpoints; this one is Docker");
  const kc = kubeConfigFor(endpoint);
  const pod = await kc.makeApiClient(CoreV1Api).readNamespacedPod({ name: target.pod, namespace: target.namespace });
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  const container = target.container ?? names[0];
  if (!container || ![...names, ...(pod.spec?.initContainers ?? []).map((c) => c.name)].includes(container)) {
    throw new LogAccessError(`pod ${target.pod} has no container ${target.container ?? ""}`.trim());
  }
  return kubeLogSource({ endpointId: endpoint.id, kc, namespace: target.namespace, pod: target.pod, container });
}
