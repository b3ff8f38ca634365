import { z } from "zod";
import { dockerKindParam, kindOf } from "@/lib/docker/resource-kinds";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { endpointRoute } from "@/lib/http/endpoint-route";

export const dynamic = "force-dynamic";

const params = z.object({ kind: dockerKindParam });

// POST …/docker/images|volumes|networks/prune
export const POST = endpointRoute(
  {
    kind: "DOCKER",
    action: "resource.delete",
    params,
    audit: ({ params }) => ({ action: `${kindOf(params.kind).noun}.prune`, target: kindOf(params.kind).pruneWhat }),
  },
  async ({ endpoint, params }) => kindOf(params.kind).prune(dockerClient(endpoint)),
);
