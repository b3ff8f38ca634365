import { kubeConfigFor } from "@/lib/endpoints/kube-client";
import { endpointRoute } from "@/lib/http/endpoint-route";
import { listPods } from "@/lib/kube/pods";
import { allowedNamespaces } from "@/lib/rbac/authorize";

export const dynamic = "force-dynamic";

// Log sources: the pods (and their containers) of the namespaces the user may read (all of them, or those their grants name).
export const GET = endpointRoute({ action: "endpoint.view", kind: "KUBERNETES" }, async ({ endpoint, subject }) => ({
  pods: await listPods(kubeConfigFor(endpoint, { actingAs: subject }), allowedNamespaces(subject, endpoint.id)),
}));
