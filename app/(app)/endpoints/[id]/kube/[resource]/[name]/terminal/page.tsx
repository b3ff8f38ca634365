import Link from "next/link";
import { notFound } from "next/navigation";
import type { V1Pod } from "@kubernetes/client-node";
import { readUpstream, requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { kubeApi } from "@/lib/kube/kube-api";
import { namespaceName, objectName } from "@/lib/kube/names";
import { roleIn } from "@/lib/rbac/authorize";
import { can } from "@/lib/rbac/can";
import { Alert } from "@/components/ui/alert";
import { TerminalTabs } from "@/components/terminal/terminal-tabs";

export const dynamic = "force-dynamic";

// /endpoints/<id>/kube/pods/<name>/terminal?namespace=: shells in a pod's containers, in tabs.
export default async function PodTerminalPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; resource: string; name: string }>;
  searchParams: Promise<{ namespace?: string }>;
}) {
  const { id, resource, name: rawName } = await params;
  const namespace = namespaceName.safeParse((await searchParams).namespace);
  const name = objectName.safeParse(decodeURIComponent(rawName));
  if (resource !== "pods" || !namespace.success || !name.success) notFound();
  const { subject, endpoint } = await requirePageEndpoint(id);
  if (endpoint.kind !== "KUBERNETES") notFound();
  const access = { role: roleIn(subject, endpoint.id, namespace.data), isAdmin: subject.isAdmin };
  const podPath = `/endpoints/${endpoint.id}/kube/pods/${encodeURIComponent(name.data)}?namespace=${encodeURIComponent(namespace.data)}`;
  const heading = (
    <div className="flex flex-wrap items-baseline gap-3">
      <h1 className="text-xl font-semibold">
        <span className="text-muted">Pod</span> {name.data} · terminal
      </h1>
      <Link href={podPath} className="text-muted hover:underline">
        pod details
      </Link>
    </div>
  );
  if (!can(access, "workload.exec"))
    return (
      <div className="space-y-3">
        {heading}
        <Alert>Opening a terminal needs the operator role in namespace {namespace.data}.</Alert>
      </div>
    );
  const pod = await readUpstream(endpoint, () =>
    kubeApi(endpoint, { actingAs: subject })<V1Pod>({
      path: `/api/v1/namespaces/${namespace.data}/pods/${name.data}`,
    }),
  );
  if ("error" in pod) return <Alert>{pod.error}</Alert>;
  const containers = pod.data.spec?.containers ?? [];
  const defaultContainer =
    pod.data.metadata?.annotations?.["kubectl.kubernetes.io/default-container"] ?? containers[0]?.name;
  return (
    <div className="space-y-3">
      {heading}
      <TerminalTabs
        endpointId={endpoint.id}
        target={{ kind: "pod", namespace: namespace.data, pod: name.data }}
        containers={containers.map((c) => c.name)}
        defaultContainer={defaultContainer}
        canAttach={containers.some((c) => c.tty && c.stdin)}
      />
    </div>
  );
}
