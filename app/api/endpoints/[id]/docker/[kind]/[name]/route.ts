import { z } from "zod";
import { dockerKindParam, kindOf } from "@/lib/docker/resource-kinds";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { endpointRoute } from "@/lib/http/endpoint-route";

export const dynamic = "force-dynamic";

const params = z.object({ kind: dockerKindParam, name: z.string() }).transform(({ kind, name }, ctx) => {
  const ref = kindOf(kind).ref.safeParse(name);
  if (!ref.success) for (const issue of ref.error.issues) ctx.addIssue({ ...issue, path: ["name"] } as never);
  return { kind, name: ref.success ? ref.data : name };
});
const query = z.object({ force: z.enum(["true", "false"]).default("false") });

// DELETE …/docker/images|volumes|networks/<id or name>
export const DELETE = endpointRoute(
  {
    kind: "DOCKER",
    action: "resource.delete",
    params,
    query,
    audit: ({ params }) => ({ action: `${kindOf(params.kind).noun}.remove`, target: params.name }),
  },
  async ({ endpoint, params, query }) => {
    await kindOf(params.kind).remove(dockerClient(endpoint), params.name, query.force === "true");
  },
);
