import { z } from "zod";
import { dockerKind } from "@/lib/docker/kinds/registry";
import { dockerResourceParam, KIND_OPERATIONS } from "@/lib/docker/kinds/operations";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { badRequest } from "@/lib/errors";
import { endpointRoute } from "@/lib/http/endpoint-route";

export const dynamic = "force-dynamic";

const params = z.object({ resource: dockerResourceParam });

// GET …/docker/<resource>: images, volumes, networks (lib/docker/kinds/registry.ts)
export const GET = endpointRoute(
  { kind: "DOCKER", action: (p) => dockerKind(p.resource).actions.list, params },
  async ({ endpoint, params }) => ({
    [params.resource]: await KIND_OPERATIONS[params.resource].list(dockerClient(endpoint)),
  }),
);

// POST …/docker/<resource> for kinds created from their list (images come from a pull)
export const POST = endpointRoute(
  {
    kind: "DOCKER",
    action: (p) => dockerKind(p.resource).actions.create,
    params,
    body: z.unknown(),
    audit: ({ params, body }) => ({
      action: `${dockerKind(params.resource).singular}.create`,
      target: String((body as { name?: unknown })?.name ?? ""),
    }),
  },
  async ({ endpoint, params, body }) => {
    const create = KIND_OPERATIONS[params.resource].create;
    if (!create) throw badRequest(`${params.resource} are not created here`);
    const id = await create.run(dockerClient(endpoint), create.schema.parse(body) as never);
    return Response.json({ id }, { status: 201 });
  },
);
