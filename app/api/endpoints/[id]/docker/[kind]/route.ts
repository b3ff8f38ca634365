import { z } from "zod";
import { dockerKindParam, kindOf } from "@/lib/docker/resource-kinds";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { badRequest } from "@/lib/errors";
import { endpointRoute } from "@/lib/http/endpoint-route";

export const dynamic = "force-dynamic";

const params = z.object({ kind: dockerKindParam });

// GET …/docker/images|volumes|networks
export const GET = endpointRoute({ kind: "DOCKER", action: "resource.read", params }, async ({ endpoint, params }) => ({
  [params.kind]: await kindOf(params.kind).list(dockerClient(endpoint)),
}));

// POST …/docker/volumes|networks (images come from a pull)
export const POST = endpointRoute(
  {
    kind: "DOCKER",
    action: "resource.write",
    params,
    body: z.unknown(),
    audit: ({ params, body }) => ({
      action: `${kindOf(params.kind).noun}.create`,
      target: String((body as { name?: unknown })?.name ?? ""),
    }),
  },
  async ({ endpoint, params, body }) => {
    const create = kindOf(params.kind).create;
    if (!create) throw badRequest(`${params.kind} are not created here`);
    const id = await create.run(dockerClient(endpoint), create.schema.parse(body) as never);
    return Response.json({ id }, { status: 201 });
  },
);
