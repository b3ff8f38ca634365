import { readUpstream, requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { toContainerRow } from "@/lib/docker/container-view";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { Alert } from "@/components/ui/alert";
import { StacksView } from "@/components/docker/stacks-view";

export const dynamic = "force-dynamic";

export default async function StacksPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { endpoint, access } = await requirePageEndpoint(id);
  const result = await readUpstream(endpoint, async () =>
    (
      await dockerClient(endpoint).listContainers({ all: true, filters: { label: ["com.docker.compose.project"] } })
    ).map(toContainerRow),
  );
  if ("error" in result) return <Alert>{result.error}</Alert>;
  return <StacksView endpointId={endpoint.id} initial={result.data} access={access} />;
}
