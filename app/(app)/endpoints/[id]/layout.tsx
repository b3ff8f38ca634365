import type { ReactNode } from "react";
import { requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { DockerTabs } from "@/components/docker/docker-tabs";

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
  return (
    <div className="space-y-4">
      {endpoint.kind === "DOCKER" ? <DockerTabs endpointId={endpoint.id} /> : null}
      {children}
    </div>
  );
}
