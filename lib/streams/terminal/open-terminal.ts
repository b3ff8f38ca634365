// Opens a terminal upstream on an endpoint: Docker exec/attach or Kubernetes exec/attach, with the
// endpoint's credentials (a cluster that impersonates sees the person). Access is checked before.
import type { Endpoint } from "../../db/client";
import { dockerClient } from "../../endpoints/docker-client";
import { kubeConfigFor } from "../../endpoints/kube-client";
import type { Subject } from "../../rbac/authorize";
import { kubeApi } from "../../kube/kube-api";
import type { V1Pod } from "@kubernetes/client-node";
import { openDockerTerminal } from "./docker-terminal";
import { openKubeTerminal, pickContainer } from "./kube-terminal";
import type { TerminalRequest } from "./terminal-request";
import { TerminalStartError, type TerminalSink, type TerminalUpstream } from "./terminal-upstream";

export async function openTerminal(options: {
  endpoint: Endpoint;
  subject: Subject;
  request: TerminalRequest;
  command: string[] | null;
  sessionId: string;
  sink: TerminalSink;
}): Promise<TerminalUpstream> {
  const { endpoint, request, command, sink } = options;
  const target = request.target;
  if (target.kind === "container") {
    if (endpoint.kind !== "DOCKER") throw new TerminalStartError(`${endpoint.name} is not a Docker engine`);
    return openDockerTerminal({
      docker: dockerClient(endpoint),
      containerId: target.containerId,
      command,
      sessionId: options.sessionId,
      size: request.size,
      sink,
    });
  }
  if (endpoint.kind !== "KUBERNETES") throw new TerminalStartError(`${endpoint.name} is not a Kubernetes cluster`);
  const caller = { actingAs: options.subject };
  const pod = await kubeApi(
    endpoint,
    caller,
  )<V1Pod>({
    path: `/api/v1/namespaces/${target.namespace}/pods/${target.pod}`,
  });
  return openKubeTerminal({
    kc: kubeConfigFor(endpoint, caller),
    namespace: target.namespace,
    pod: target.pod,
    container: pickContainer(pod, target.container, command === null),
    command,
    size: request.size,
    sink,
  });
}
