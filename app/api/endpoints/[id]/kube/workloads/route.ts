import { kubeConfigFor } from "@/lib/endpoints/kube-client";
import { getVisibleEndpoint } from "@/lib/endpoints/registry";
import { describeUpstreamError } from "@/lib/endpoints/upstream-error";
import { endpointParams, route } from "@/lib/http/route";
import { listWorkloads } from "@/lib/kube/workloads";
import { allowedNamespaces } from "@/lib/rbac/authorize";

export const dynamic = "force-dynamic";

// The workloads of the namespaces the user may read (all of them, or those their grants name).
export const GET = route({ params: endpointParams }, async ({ params, subject }) => {
  const endpoint = await getVisibleEndpoint(subject, params.id);
  try {
    return { workloads: await listWorkloads(kubeConfigFor(endpoint), allowedNamespaces(subject, endpoint.id)) };
  } catch (error) {
    throw describeUpstreamError(error, endpoint.name);
  }
});
