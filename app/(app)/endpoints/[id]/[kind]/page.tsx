import { notFound } from "next/navigation";
import { readUpstream, requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { dockerKindParam, kindOf } from "@/lib/docker/resource-kinds";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { Alert } from "@/components/ui/alert";
import { ResourceList } from "@/components/docker/resource-list";

export const dynamic = "force-dynamic";

// /endpoints/<id>/images | volumes | networks
export default async function ResourcePage({ params }: { params: Promise<{ id: string; kind: string }> }) {
  const { id, kind: rawKind } = await params;
  const kind = dockerKindParam.safeParse(rawKind);
  if (!kind.success) notFound();
  const { endpoint, role } = await requirePageEndpoint(id);
  const result = await readUpstream(endpoint, () => kindOf(kind.data).list(dockerClient(endpoint)));
  if ("error" in result) return <Alert>{result.error}</Alert>;
  return <ResourceList endpointId={endpoint.id} kind={kind.data} initial={result.data} role={role} />;
}
