import { z } from "zod";
import { toContainerDetails } from "@/lib/docker/container-details";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { endpointRoute } from "@/lib/http/endpoint-route";
import { authorize } from "@/lib/rbac/authorize";

export const dynamic = "force-dynamic";

const params = z.object({ cid: z.string().min(1).max(128) });

export const GET = endpointRoute({ action: "resource.read", params }, async ({ endpoint, params, subject }) => {
  const info = await dockerClient(endpoint).getContainer(params.cid).inspect();
  const showEnvValues = authorize(subject, "workload.env", { endpointId: endpoint.id }).allowed;
  return { container: toContainerDetails(info, { showEnvValues }) };
});
