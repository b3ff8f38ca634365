import { notFound } from "next/navigation";
import { z } from "zod";
import { readUpstream, requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { Alert } from "@/components/ui/alert";
import { LogViewer } from "@/components/logs/log-viewer";

export const dynamic = "force-dynamic";

export default async function ContainerLogsPage({ params }: { params: Promise<{ id: string; cid: string }> }) {
  const { id, cid } = await params;
  if (!z.string().max(128).safeParse(cid).success) notFound();
  const { endpoint } = await requirePageEndpoint(id);
  const info = await readUpstream(endpoint, () => dockerClient(endpoint).getContainer(cid).inspect());
  if ("error" in info) return <Alert>{info.error}</Alert>;
  const name = info.data.Name.replace(/^\//, "");
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{name} · logs</h1>
      <LogViewer
        sources={[{ endpointId: endpoint.id, target: { kind: "container", containerId: info.data.Id } }]}
        name={name}
      />
    </div>
  );
}
