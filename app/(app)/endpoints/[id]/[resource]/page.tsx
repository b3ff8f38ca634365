import { notFound } from "next/navigation";
import { readUpstream, requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { dockerResourceParam, KIND_OPERATIONS } from "@/lib/docker/kinds/operations";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { Alert } from "@/components/ui/alert";
import { ResourceList } from "@/components/docker/resource-list";

export const dynamic = "force-dynamic";

// /endpoints/<id>/<resource>: every listed Docker kind (lib/docker/kinds/registry.ts)
export default async function ResourcePage({ params }: { params: Promise<{ id: string; resource: string }> }) {
  const { id, resource: raw } = await params;
  const resource = dockerResourceParam.safeParse(raw);
  if (!resource.success) notFound();
  const { endpoint, access } = await requirePageEndpoint(id);
  if (endpoint.kind !== "DOCKER") notFound();
  const result = await readUpstream(endpoint, () => KIND_OPERATIONS[resource.data].list(dockerClient(endpoint)));
  if ("error" in result) return <Alert>{result.error}</Alert>;
  return <ResourceList endpointId={endpoint.id} resource={resource.data} initial={result.data} access={access} />;
}
