import { notFound } from "next/navigation";
import { readUpstream, requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { kubeApi } from "@/lib/kube/kube-api";
import { kindInfo } from "@/lib/kube/kinds/kind-info";
import { findKind } from "@/lib/kube/resolve-kind";
import { objectView } from "@/lib/kube/object-view";
import { relatedObjects } from "@/lib/kube/related";
import { hasRolloutHistory, revisionRows, rolloutHistory } from "@/lib/kube/rollout-history";
import { authorize, roleIn } from "@/lib/rbac/authorize";
import { KubeObjectView } from "@/components/kube/kube-object-view";
import { Alert } from "@/components/ui/alert";

export const dynamic = "force-dynamic";

// /endpoints/<id>/kube/<resource>/<name>[?namespace=]: one object of any kind.
export default async function KubeObjectPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; resource: string; name: string }>;
  searchParams: Promise<{ namespace?: string }>;
}) {
  const { id, resource, name: rawName } = await params;
  const { namespace: asked } = await searchParams;
  const { subject, endpoint } = await requirePageEndpoint(id);
  if (endpoint.kind !== "KUBERNETES") notFound();
  const kind = await findKind(endpoint, resource).catch(() => undefined);
  if (!kind) notFound();
  const namespace = kind.namespaced ? asked : undefined;
  const name = decodeURIComponent(rawName);
  if (!authorize(subject, "resource.read", { endpointId: endpoint.id, namespace }).allowed)
    return <Alert>You may not read {kind.title.toLowerCase()} here.</Alert>;
  const view = await readUpstream(endpoint, () =>
    objectView(kubeApi(endpoint, { actingAs: subject }), kind, name, namespace),
  );
  if ("error" in view) return <Alert>{view.error}</Alert>;
  const related = await relatedObjects(subject, endpoint, kind, view.data.object).catch(() => []);
  const revisions = hasRolloutHistory(kind)
    ? await rolloutHistory(kubeApi(endpoint, { actingAs: subject }), kind.kind, view.data.object)
        .then(revisionRows)
        .catch(() => null)
    : null;
  return (
    <KubeObjectView
      endpointId={endpoint.id}
      resource={resource}
      kind={kindInfo(kind)}
      initial={view.data}
      related={related}
      revisions={revisions}
      access={{ role: roleIn(subject, endpoint.id, namespace), isAdmin: subject.isAdmin }}
    />
  );
}
