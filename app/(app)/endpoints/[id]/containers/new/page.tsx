import { redirect } from "next/navigation";
import { readUpstream, requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { can } from "@/lib/rbac/can";
import { CreateContainerForm } from "@/components/docker/create-container-form";

export const dynamic = "force-dynamic";

export default async function NewContainerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { endpoint, access } = await requirePageEndpoint(id);
  if (!can(access, "resource.write")) redirect(`/endpoints/${id}/containers`);
  const images = await readUpstream(endpoint, async () =>
    (await dockerClient(endpoint).listImages()).flatMap((i) => i.RepoTags ?? []).filter((t) => t !== "<none>:<none>"),
  );
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Create a container on {endpoint.name}</h1>
      <CreateContainerForm endpointId={endpoint.id} images={"data" in images ? images.data : []} />
    </div>
  );
}
