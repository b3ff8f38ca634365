// From what the user typed or uploaded to a connection target; kubeconfigs are reduced to the one
// chosen context's inline data.
import { badRequest } from "../errors";
import { KubeconfigError, resolveKubeContext } from "../kube/kubeconfig";
import type { ConnectionInput } from "./input";
import { authKindOf, kubeServerProblem, type EndpointTarget } from "./target";

export function resolveTarget(connection: ConnectionInput): {
  target: EndpointTarget;
  authKind: string;
  context?: string;
} {
  if (connection.kind !== "kubernetes-kubeconfig") return { target: connection, authKind: authKindOf(connection) };
  try {
    const target = resolveKubeContext(connection.kubeconfig, connection.context);
    const problem = kubeServerProblem(target.server, connection.plainHttp);
    if (problem) throw badRequest(`context "${connection.context}": ${problem}`);
    if (connection.plainHttp) target.plainHttp = true;
    return { target, authKind: authKindOf(target, true), context: connection.context };
  } catch (error) {
    if (error instanceof KubeconfigError) throw badRequest(error.message);
    throw error;
  }
}
