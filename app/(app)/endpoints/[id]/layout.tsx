import type { ReactNode } from "react";
import { requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { DockerTabs } from "@/components/docker/docker-tabs";
import { KubeNav } from "@/components/kube/kube-nav";
import { EndpointShortcuts } from "@/components/layout/endpoint-shortcuts";
import { customKinds } from "@/lib/kube/discovery";
import { resourceId } from "@/lib/kube/kinds/kind";

export const dynamic = "force-dynamic";

export default async function EndpointLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const { endpoint } = await requirePageEndpoint(id);
  if (endpoint.kind === "KUBERNETES") {
    const custom = (await customKinds(endpoint)).map((k) => ({ id: resourceId(k), title: k.title }));
    return (
      <div className="flex gap-6">
        <EndpointShortcuts endpointId={endpoint.id} kind="KUBERNETES" />
        <KubeNav endpointId={endpoint.id} custom={custom} />
        <div className="min-w-0 flex-1 space-y-4">{children}</div>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <EndpointShortcuts endpointId={endpoint.id} kind="DOCKER" />
      <DockerTabs endpointId={endpoint.id} />
      {children}
    </div>
  );
}
