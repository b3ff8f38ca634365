import { z } from "zod";
import { dockerKind } from "@/lib/docker/kinds/registry";
import { dockerResourceParam, KIND_OPERATIONS } from "@/lib/docker/kinds/operations";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { endpointRoute } from "@/lib/http/endpoint-route";

export const dynamic = "force-dynamic";

// The name goes into the engine's path: parsed by the kind's own rule.
const params = z.object({ resource: dockerResourceParam, name: z.string() }).transform(({ resource, name }, ctx) => {
  const ref = KIND_OPERATIONS[resource].ref.safeParse(name);
  if (!ref.success) for (const issue of ref.error.issues) ctx.addIssue({ ...issue, path: ["name"] } as never);
  return { resource, name: ref.success ? ref.data : name };
});
const query = z.object({ force: z.enum(["true", "false"]).default("false") });

// DELETE …/docker/<resource>/<id or name>
export const DELETE = endpointRoute(
  {
    kind: "DOCKER",
    action: (p) => dockerKind(p.resource).actions.remove,
    params,
    query,
    audit: ({ params }) => ({ action: `${dockerKind(params.resource).singular}.remove`, target: params.name }),
  },
  async ({ endpoint, params, query }) => {
    await KIND_OPERATIONS[params.resource].remove(dockerClient(endpoint), params.name, query.force === "true");
  },
);
