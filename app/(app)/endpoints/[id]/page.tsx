import { readUpstream, requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { engineSummary } from "@/lib/docker/engine-summary";
import { clusterOverview } from "@/lib/kube/cluster-overview";
import { ClusterOverviewView } from "@/components/kube/cluster-overview";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { toEndpointView } from "@/lib/endpoints/view";
import { can } from "@/lib/rbac/can";
import { Alert } from "@/components/ui/alert";
import { EngineOverview } from "@/components/docker/engine-overview";
import { EngineUsage } from "@/components/usage/engine-usage";
import { EndpointDetails } from "@/components/endpoints/endpoint-details";
import { EndpointAccess } from "@/components/admin/endpoint-access";
import type { Mode } from "@/components/endpoints/connection-fields";

export const dynamic = "force-dynamic";

export default async function EndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { subject, endpoint, access } = await requirePageEndpoint(id);
  const view = toEndpointView(endpoint);
  const summary =
    endpoint.kind === "DOCKER" ? await readUpstream(endpoint, () => engineSummary(dockerClient(endpoint))) : null;
  const cluster =
    endpoint.kind === "KUBERNETES" ? await readUpstream(endpoint, () => clusterOverview(subject, endpoint)) : null;
  return (
    <div className="space-y-4">
      <EndpointDetails endpoint={{ ...view, mode: view.authKind as Mode }} canManage={can(access, "endpoint.update")} />
      {summary && "error" in summary ? <Alert>The engine cannot be read: {summary.error}</Alert> : null}
      {summary && "data" in summary ? <EngineOverview summary={summary.data} /> : null}
      {summary && "data" in summary ? <EngineUsage endpointId={endpoint.id} /> : null}
      {cluster && "error" in cluster ? <Alert>The cluster cannot be read: {cluster.error}</Alert> : null}
      {cluster && "data" in cluster ? <ClusterOverviewView endpointId={endpoint.id} overview={cluster.data} /> : null}
      {subject.isAdmin ? <EndpointAccess endpointId={endpoint.id} /> : null}
    </div>
  );
}
