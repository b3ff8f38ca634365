// From a usage subscription's target to its shared source, after checking that the subject may
// read resources there ("resource.read" on the endpoint, in the pod's namespace; nodes and engine
// totals need a grant not limited to namespaces). Kubernetes sources are shared pollers read as the
// endpoint, so what a viewer sees is decided here, by Fleetdeck's grants.
import type { Endpoint } from "../../db/client";
import { dockerClient } from "../../endpoints/docker-client";
import { badRequest, conflict } from "../../errors";
import { AccessDeniedError, endpointNotFound } from "../../rbac/access-denied";
import { authorize, type Subject } from "../../rbac/authorize";
import { dockerStatsSource } from "./docker-stats-source";
import { engineUsageSource } from "./engine-usage-source";
import { requireMetricsApi } from "./kube-metrics-api";
import { kubeNodeUsageSource, kubePodUsageSource } from "./kube-usage-sources";
import type { UsageHub } from "./usage-hub";
import type { UsageSource } from "./usage-source";
import type { UsageTarget } from "./usage-types";

const namespaceOf = (target: UsageTarget) => (target.kind === "pod" ? target.namespace : undefined);

export const mayReadUsage = (subject: Subject, endpointId: string, target: UsageTarget) =>
  authorize(subject, "resource.read", { endpointId, namespace: namespaceOf(target) }).allowed;

const DOCKER_KINDS = new Set<UsageTarget["kind"]>(["container", "engine"]);

export async function resolveUsageSource(options: {
  subject: Subject;
  endpoint: Endpoint;
  target: UsageTarget;
  /** Engine totals hold their containers' streams through the hub that serves the viewer. */
  hub: UsageHub;
}): Promise<UsageSource> {
  const { subject, endpoint, target } = options;
  const decision = authorize(subject, "resource.read", { endpointId: endpoint.id, namespace: namespaceOf(target) });
  if (!decision.allowed && decision.reason === "not-visible") throw endpointNotFound("resource.read", endpoint.id);
  if (!decision.allowed)
    throw new AccessDeniedError("you may not read usage here", {
      action: "resource.read",
      endpointId: endpoint.id,
      target: namespaceOf(target) ?? target.kind,
    });
  const docker = DOCKER_KINDS.has(target.kind);
  if (docker !== (endpoint.kind === "DOCKER"))
    throw badRequest(`${endpoint.name} is ${docker ? "not a Docker engine" : "not a Kubernetes cluster"}`);

  switch (target.kind) {
    case "container": {
      const info = await dockerClient(endpoint).getContainer(target.containerId).inspect();
      if (!info.State.Running) throw conflict(`${info.Name.replace(/^\//, "")} is not running: no usage to show`);
      return dockerStatsSource({
        endpointId: endpoint.id,
        docker: () => dockerClient(endpoint),
        containerId: info.Id,
        memoryLimited: (info.HostConfig.Memory ?? 0) > 0,
      });
    }
    case "engine":
      return engineUsageSource({ endpoint, hub: options.hub, docker: () => dockerClient(endpoint) });
    case "pod":
      await requireMetricsApi(endpoint);
      return kubePodUsageSource({ endpoint, namespace: target.namespace, pod: target.pod });
    case "node":
      await requireMetricsApi(endpoint);
      return kubeNodeUsageSource({ endpoint, node: target.node });
  }
}
