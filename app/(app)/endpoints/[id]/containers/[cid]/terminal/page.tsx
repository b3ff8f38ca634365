import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { readUpstream, requirePageEndpoint } from "@/lib/auth/page-endpoint";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { can } from "@/lib/rbac/can";
import { Alert } from "@/components/ui/alert";
import { TerminalTabs } from "@/components/terminal/terminal-tabs";

export const dynamic = "force-dynamic";

// /endpoints/<id>/containers/<cid>/terminal: shells in a running container, in tabs.
export default async function ContainerTerminalPage({ params }: { params: Promise<{ id: string; cid: string }> }) {
  const { id, cid } = await params;
  if (!z.string().max(128).safeParse(cid).success) notFound();
  const { endpoint, access } = await requirePageEndpoint(id);
  if (endpoint.kind !== "DOCKER") notFound();
  const info = await readUpstream(endpoint, () => dockerClient(endpoint).getContainer(cid).inspect());
  if ("error" in info) return <Alert>{info.error}</Alert>;
  const name = info.data.Name.replace(/^\//, "");
  const back = `/endpoints/${endpoint.id}/containers/${info.data.Id}`;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">{name} · terminal</h1>
        <Link href={back} className="text-muted hover:underline">
          container details
        </Link>
      </div>
      {!can(access, "workload.exec") ? (
        <Alert>Opening a terminal needs the operator role on this endpoint.</Alert>
      ) : !info.data.State.Running ? (
        <Alert>The container is not running ({info.data.State.Status}): start it to open a terminal.</Alert>
      ) : (
        <TerminalTabs
          endpointId={endpoint.id}
          target={{ kind: "container", containerId: info.data.Id }}
          canAttach={Boolean(info.data.Config.Tty)}
        />
      )}
    </div>
  );
}
