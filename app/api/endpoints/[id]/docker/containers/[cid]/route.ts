import { z } from "zod";
import { containerRef } from "@/lib/docker/names";
import { toContainerDetails } from "@/lib/docker/container-details";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { endpointRoute } from "@/lib/http/endpoint-route";
import { authorize } from "@/lib/rbac/authorize";

export const dynamic = "force-dynamic";

const params = z.object({ cid: containerRef });

export const GET = endpointRoute(
  { kind: "DOCKER", action: "resource.read", params },
  async ({ endpoint, params, subject }) => {
    const info = await dockerClient(endpoint).getContainer(params.cid).inspect();
    const showEnvValues = authorize(subject, "workload.env", { endpointId: endpoint.id }).allowed;
    return { container: toContainerDetails(info, { showEnvValues }) };
  },
);
