import { notFound } from "next/navigation";
import { requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { findKind } from "@/lib/kube/resolve-kind";
import { can } from "@/lib/rbac/can";
import { KubeCreate } from "@/components/kube/kube-create";
import { Alert } from "@/components/ui/alert";

export const dynamic = "force-dynamic";

// /endpoints/<id>/kube/create[?resource=&namespace=]: objects from YAML (several documents), started
// from a skeleton of the list's kind. The server authorizes each document in its namespace.
export default async function KubeCreatePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ resource?: string; namespace?: string }>;
}) {
  const { id } = await params;
  const { resource, namespace } = await searchParams;
  const { endpoint, access } = await requirePageEndpoint(id);
  if (endpoint.kind !== "KUBERNETES") notFound();
  if (!can(access, "resource.write")) return <Alert>You may not create objects here.</Alert>;
  const kind = resource ? await findKind(endpoint, resource).catch(() => undefined) : undefined;
  const apiVersion = kind ? (kind.group ? `${kind.group}/${kind.version}` : kind.version) : "v1";
  const skeleton = [
    `apiVersion: ${apiVersion}`,
    `kind: ${kind?.kind ?? "ConfigMap"}`,
    "metadata:",
    "  name: ",
    ...((kind?.namespaced ?? true) ? [`  namespace: ${namespace || "default"}`] : []),
    "",
  ].join("\n");
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">Create from YAML</h1>
      <p className="text-muted">Several objects may be given, separated by lines of three dashes (---).</p>
      <KubeCreate endpointId={endpoint.id} initialYaml={skeleton} />
    </div>
  );
}
