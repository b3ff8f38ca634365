import { z } from "zod";
import { dockerKind } from "@/lib/docker/kinds/registry";
import { dockerResourceParam, KIND_OPERATIONS } from "@/lib/docker/kinds/operations";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { endpointRoute } from "@/lib/http/endpoint-route";

export const dynamic = "force-dynamic";

const params = z.object({ resource: dockerResourceParam });

// POST …/docker/<resource>/prune
export const POST = endpointRoute(
  {
    kind: "DOCKER",
    action: (p) => dockerKind(p.resource).actions.prune,
    params,
    audit: ({ params }) => {
      const kind = dockerKind(params.resource);
      return { action: `${kind.singular}.prune`, target: kind.pruneWhat };
    },
  },
  async ({ endpoint, params }) => KIND_OPERATIONS[params.resource].prune(dockerClient(endpoint)),
);
