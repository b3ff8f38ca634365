// From a subscription's target to its members, after checking that the subject may read logs
// there. A container or a pod's container is a fixed member; a workload, a Kubernetes selector or
// Docker labels are followed as their pods and containers come and go.
import { CoreV1Api } from "@kubernetes/client-node";
import type { Endpoint } from "../db/client";
import { dockerClient } from "../endpoints/docker-client";
import { kubeConfigFor } from "../endpoints/kube-client";
import { workloadSelector } from "../kube/workload-selector";
import type { LogTarget } from "../realtime/events";
import { allowedNamespaces, authorize, type Subject } from "../rbac/authorize";
import { dockerLabelMembers } from "./docker-label-members";
import { dockerLogSource } from "./docker-log-source";
import { kubeLogSource } from "./kube-log-source";
import { kubePodMembers } from "./kube-pod-members";
import { fixedMember, type MemberSet } from "./member-set";

export class LogAccessError extends Error {}

const DOCKER_TARGETS = new Set<LogTarget["kind"]>(["container", "labels"]);

function targetNamespace(subject: Subject, endpoint: Endpoint, target: LogTarget): string | undefined {
  if (target.kind === "pod" || target.kind === "workload") return target.namespace;
  if (target.kind === "selector") {
    if (target.namespace) return target.namespace;
    // Every namespace: allowed if the subject may read logs in at least one (members are filtered).
    const namespaces = allowedNamespaces(subject, endpoint.id);
    return namespaces === "all" ? undefined : namespaces[0];
  }
  return undefined;
}

export async function resolveLogMembers(subject: Subject, endpoint: Endpoint, target: LogTarget): Promise<MemberSet> {
  const decision = authorize(subject, "logs.read", {
    endpointId: endpoint.id,
    namespace: targetNamespace(subject, endpoint, target),
  });
  // Same answer for "does not exist" and "not yours", as over HTTP.
  if (!decision.allowed && decision.reason === "not-visible") throw new LogAccessError("endpoint not found");
  if (!decision.allowed) throw new LogAccessError("you may not read these logs");
  const docker = DOCKER_TARGETS.has(target.kind);
  if (docker && endpoint.kind !== "DOCKER")
    throw new LogAccessError("containers and Docker labels are on Docker endpoints; this one is Kubernetes");
  if (!docker && endpoint.kind !== "KUBERNETES")
    throw new LogAccessError("pods and workloads are on Kubernetes endpoints; this one is Docker");

  switch (target.kind) {
    case "container": {
      const client = dockerClient(endpoint);
      const info = await client.getContainer(target.containerId).inspect();
      const label = info.Name.replace(/^\//, "");
      return fixedMember(dockerLogSource({ endpointId: endpoint.id, docker: client, containerId: info.Id, label }));
    }
    case "labels":
      return dockerLabelMembers({
        endpointId: endpoint.id,
        docker: () => dockerClient(endpoint),
        selector: target.selector,
        label: `containers with ${target.selector}`,
      });
    case "pod": {
      const kc = kubeConfigFor(endpoint);
      const pod = await kc
        .makeApiClient(CoreV1Api)
        .readNamespacedPod({ name: target.pod, namespace: target.namespace });
      const names = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c) => c.name);
      const container = target.container ?? names[0];
      if (!container || !names.includes(container))
        throw new LogAccessError(`pod ${target.pod} has no container ${target.container ?? ""}`.trim());
      if (target.previous) {
        const status = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find(
          (s) => s.name === container,
        );
        if (!status?.lastState?.terminated)
          throw new LogAccessError(`${container} has not restarted: there is no previous instance to read`);
      }
      const source = kubeLogSource({
        endpointId: endpoint.id,
        kc,
        namespace: target.namespace,
        pod: target.pod,
        container,
        previous: target.previous,
      });
      return fixedMember(source);
    }
    case "workload": {
      const kc = kubeConfigFor(endpoint);
      const selector = await workloadSelector(kc, target.workload, target.namespace, target.name);
      return kubePodMembers({
        endpointId: endpoint.id,
        kc,
        namespace: target.namespace,
        selector,
        label: `${target.workload.toLowerCase()} ${target.namespace}/${target.name}`,
      });
    }
    case "selector":
      return kubePodMembers({
        endpointId: endpoint.id,
        kc: kubeConfigFor(endpoint),
        namespace: target.namespace,
        selector: target.selector,
        label: `pods with ${target.selector}${target.namespace ? ` in ${target.namespace}` : ""}`,
      });
  }
}
