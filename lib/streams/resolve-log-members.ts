// From a subscription's target to its members, after checking that the subject may read logs
// there. A container or a pod's container is a fixed member; a workload, a Kubernetes selector or
// Docker labels are followed as their pods and containers come and go.
import { CoreV1Api } from "@kubernetes/client-node";
import type { Endpoint } from "../db/client";
import { dockerClient } from "../endpoints/docker-client";
import { kubeConfigFor } from "../endpoints/kube-client";
import { callerKey } from "../kube/impersonation";
import { workloadSelector } from "../kube/workload-selector";
import type { LogTarget } from "./log-target";
import { AccessDeniedError, endpointNotFound } from "../rbac/access-denied";
import { allowedNamespaces, authorize, type Subject } from "../rbac/authorize";
import { dockerEngineId } from "./docker-engine-id";
import { dockerLabelMembers } from "./docker-label-members";
import { dockerLogSource } from "./docker-log-source";
import { kubeLogSource } from "./kube-log-source";
import { kubePodMembers } from "./kube-pod-members";
import { fixedMember, type MemberSet } from "./member-set";

export class LogAccessError extends Error {}

const DOCKER_TARGETS = new Set<LogTarget["kind"]>(["container", "labels"]);

function targetNamespace(subject: Subject, endpointId: string, target: LogTarget): string | undefined {
  if (target.kind === "pod" || target.kind === "workload") return target.namespace;
  if (target.kind === "selector") {
    if (target.namespace) return target.namespace;
    // Every namespace: allowed if the subject may read logs in at least one (members are filtered).
    const namespaces = allowedNamespaces(subject, endpointId);
    return namespaces === "all" ? undefined : namespaces[0];
  }
  return undefined;
}

/** May the subject follow this target at all (members are then admitted one by one)? */
export function mayReadTarget(subject: Subject, endpointId: string, target: LogTarget) {
  return authorize(subject, "logs.read", { endpointId, namespace: targetNamespace(subject, endpointId, target) });
}

/**
 * `signal`: the viewer went away (socket closed) while upstream answers were awaited; checked after
 * every await, so nothing is returned for a subscription that no longer has anyone to serve.
 */
export async function resolveLogMembers(options: {
  subject: Subject;
  endpoint: Endpoint;
  target: LogTarget;
  signal: AbortSignal;
}): Promise<MemberSet> {
  const { subject, endpoint, target, signal } = options;
  const settled = <T>(value: T): T => {
    signal.throwIfAborted();
    return value;
  };
  const decision = mayReadTarget(subject, endpoint.id, target);
  if (!decision.allowed && decision.reason === "not-visible") throw endpointNotFound("logs.read", endpoint.id);
  if (!decision.allowed)
    throw new AccessDeniedError("you may not read these logs", {
      action: "logs.read",
      endpointId: endpoint.id,
      target: targetNamespace(subject, endpoint.id, target) ?? null,
    });
  const docker = DOCKER_TARGETS.has(target.kind);
  if (docker && endpoint.kind !== "DOCKER")
    throw new LogAccessError("containers and Docker labels are on Docker endpoints; this one is Kubernetes");
  if (!docker && endpoint.kind !== "KUBERNETES")
    throw new LogAccessError("pods and workloads are on Kubernetes endpoints; this one is Docker");
  // Kubernetes logs are read as the viewer where the endpoint impersonates.
  const caller = { actingAs: subject };
  const readAs = callerKey(endpoint, caller);

  switch (target.kind) {
    case "container": {
      const client = dockerClient(endpoint);
      const [info, engineId] = settled(
        await Promise.all([client.getContainer(target.containerId).inspect(), dockerEngineId(endpoint.id, client)]),
      );
      const label = info.Name.replace(/^\//, "");
      const tty = info.Config.Tty;
      return fixedMember(
        dockerLogSource({ endpointId: endpoint.id, docker: client, containerId: info.Id, label, engineId, tty }),
      );
    }
    case "labels":
      return dockerLabelMembers({
        endpointId: endpoint.id,
        docker: () => dockerClient(endpoint),
        selector: target.selector,
        label: `containers with ${target.selector}`,
        engineId: settled(await dockerEngineId(endpoint.id, dockerClient(endpoint))),
      });
    case "pod": {
      const kc = kubeConfigFor(endpoint, caller);
      const pod = settled(
        await kc.makeApiClient(CoreV1Api).readNamespacedPod({ name: target.pod, namespace: target.namespace }),
      );
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
        readAs,
      });
      return fixedMember(source);
    }
    case "workload": {
      const kc = kubeConfigFor(endpoint, caller);
      const selector = settled(await workloadSelector(kc, target.workload, target.namespace, target.name));
      return kubePodMembers({
        endpointId: endpoint.id,
        kc,
        namespace: target.namespace,
        selector,
        label: `${target.workload.toLowerCase()} ${target.namespace}/${target.name}`,
        readAs,
      });
    }
    case "selector":
      return kubePodMembers({
        endpointId: endpoint.id,
        kc: kubeConfigFor(endpoint, caller),
        namespace: target.namespace,
        selector: target.selector,
        label: `pods with ${target.selector}${target.namespace ? ` in ${target.namespace}` : ""}`,
        readAs,
      });
  }
}
