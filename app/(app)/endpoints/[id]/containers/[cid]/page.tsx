import { z } from "zod";
import { notFound } from "next/navigation";
import { readUpstream, requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { toContainerDetails } from "@/lib/docker/container-details";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { authorize } from "@/lib/rbac/authorize";
import { can } from "@/lib/rbac/can";
import { CONTAINER_ACTION_PERMISSIONS } from "@/lib/docker/container-action-permissions";
import { Alert } from "@/components/ui/alert";
import { ContainerDetailsView } from "@/components/docker/container-details-view";
import { RecreateForm } from "@/components/docker/recreate-form";
import { ContainerUsage } from "@/components/usage/container-usage";

export const dynamic = "force-dynamic";

export default async function ContainerPage({ params }: { params: Promise<{ id: string; cid: string }> }) {
  const { id, cid } = await params;
  if (!z.string().max(128).safeParse(cid).success) notFound();
  const { subject, endpoint, access } = await requirePageEndpoint(id);
  const showEnvValues = authorize(subject, "workload.env", { endpointId: endpoint.id }).allowed;
  const result = await readUpstream(endpoint, async () =>
    toContainerDetails(await dockerClient(endpoint).getContainer(cid).inspect(), { showEnvValues }),
  );
  if ("error" in result) return <Alert>{result.error}</Alert>;
  return (
    <div className="space-y-4">
      <ContainerDetailsView
        container={result.data}
        basePath={`/endpoints/${endpoint.id}/containers/${result.data.id}`}
        canExec={can(access, "workload.exec") && result.data.state.Running}
      />
      <section className="space-y-2">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-muted">Usage</h2>
        <ContainerUsage endpointId={endpoint.id} containerId={result.data.id} />
      </section>
      {can(access, CONTAINER_ACTION_PERMISSIONS.recreate) ? (
        <RecreateForm endpointId={endpoint.id} containerId={result.data.id} image={result.data.image} />
      ) : null}
    </div>
  );
}
