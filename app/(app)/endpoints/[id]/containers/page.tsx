import Link from "next/link";
import { readUpstream, requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { currentContainers } from "@/lib/docker/engine-state/current-containers";
import { can } from "@/lib/rbac/can";
import { Alert } from "@/components/ui/alert";
import { ContainersTable } from "@/components/docker/containers-table";

export const dynamic = "force-dynamic";

export default async function ContainersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { endpoint, access } = await requirePageEndpoint(id);
  const result = await readUpstream(endpoint, () => currentContainers(endpoint));
  return (
    <div className="space-y-3">
      <div className="flex items-center">
        <h1 className="text-xl font-semibold">{endpoint.name} · containers</h1>
        {can(access, "resource.write") ? (
          <Link
            href={`/endpoints/${endpoint.id}/containers/new`}
            className="ml-auto rounded-md bg-accent px-3 py-1.5 font-medium text-white"
          >
            Create container
          </Link>
        ) : null}
      </div>
      {"error" in result ? (
        <Alert>{result.error}</Alert>
      ) : (
        <ContainersTable endpointId={endpoint.id} initial={result.data} access={access} />
      )}
    </div>
  );
}
