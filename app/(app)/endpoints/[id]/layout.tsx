import type { ReactNode } from "react";
import { requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { DockerNav } from "@/components/docker/docker-nav";
import { KubeNav } from "@/components/kube/kube-nav";
import { EndpointSections } from "@/components/layout/endpoint-sections";
import { EndpointShortcuts } from "@/components/layout/endpoint-shortcuts";
import { customKinds } from "@/lib/kube/discovery";
import { resourceId } from "@/lib/kube/kinds/kind";

export const dynamic = "force-dynamic";

/** The endpoint's pages, with its sections shown in the shell's sidebar. */
export default async function EndpointLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const { endpoint } = await requirePageEndpoint(id);
  const custom =
    endpoint.kind === "KUBERNETES"
      ? (await customKinds(endpoint)).map((k) => ({ id: resourceId(k), title: k.title }))
      : [];
  return (
    <>
      <EndpointShortcuts endpointId={endpoint.id} kind={endpoint.kind} />
      <EndpointSections>
        <div className="space-y-1 border-y border-line py-3">
          <div className="truncate px-2 text-xs font-semibold uppercase tracking-wide">{endpoint.name}</div>
          {endpoint.kind === "KUBERNETES" ? (
            <KubeNav endpointId={endpoint.id} custom={custom} />
          ) : (
            <DockerNav endpointId={endpoint.id} />
          )}
        </div>
      </EndpointSections>
      <div className="space-y-4">{children}</div>
    </>
  );
}
