import Link from "next/link";
import { notFound } from "next/navigation";
import { readUpstream, requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { kindInfo } from "@/lib/kube/kinds/kind-info";
import { findKind } from "@/lib/kube/resolve-kind";
import { firstRowsFor } from "@/lib/kube/first-rows";
import { namespacesFor } from "@/lib/kube/page-namespaces";
import { can } from "@/lib/rbac/can";
import { KubeList } from "@/components/kube/kube-list";
import { NamespacePicker } from "@/components/kube/namespace-picker";
import { Alert } from "@/components/ui/alert";

export const dynamic = "force-dynamic";

/** Rows rendered with the page (a screenful and the list's margin), from the watch cache if it is warm. */
const FIRST_ROWS = 50;
const FIRST_ROWS_WAIT_MS = 100;

// /endpoints/<id>/kube/<resource>[?namespace=]: a list of any kind (lib/kube/kinds/catalog.ts).
export default async function KubeListPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; resource: string }>;
  searchParams: Promise<{ namespace?: string }>;
}) {
  const { id, resource } = await params;
  const { namespace } = await searchParams;
  const { subject, endpoint, access } = await requirePageEndpoint(id);
  if (endpoint.kind !== "KUBERNETES") notFound();
  const kind = await findKind(endpoint, resource).catch(() => undefined);
  if (!kind) notFound();
  const [namespaces, firstRows] = await Promise.all([
    readUpstream(endpoint, () => namespacesFor(subject, endpoint)),
    firstRowsFor(subject, endpoint, kind, {
      namespace: kind.namespaced ? namespace : undefined,
      count: FIRST_ROWS,
      waitMs: FIRST_ROWS_WAIT_MS,
    }).catch(() => null),
  ]);
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">{kind.title}</h1>
        {can(access, "resource.write") ? (
          <Link
            className="text-accent hover:underline"
            href={`/endpoints/${endpoint.id}/kube/create?resource=${encodeURIComponent(resource)}${namespace ? `&namespace=${encodeURIComponent(namespace)}` : ""}`}
          >
            Create from YAML
          </Link>
        ) : null}
        {kind.namespaced ? (
          <div className="ml-auto">
            <NamespacePicker endpointId={endpoint.id} namespaces={"data" in namespaces ? namespaces.data : []} />
          </div>
        ) : null}
      </div>
      {"error" in namespaces ? <Alert>{namespaces.error}</Alert> : null}
      <KubeList
        endpointId={endpoint.id}
        resource={resource}
        kind={kindInfo(kind)}
        namespace={kind.namespaced ? (namespace ?? null) : null}
        initialRows={firstRows}
      />
    </div>
  );
}
