import { checkBindMounts } from "@/lib/docker/bind-mount-policy";
import { currentContainers } from "@/lib/docker/engine-state/current-containers";
import { createContainerSchema, toCreateOptions } from "@/lib/docker/create-container";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { endpointRoute } from "@/lib/http/endpoint-route";

export const dynamic = "force-dynamic";

export const GET = endpointRoute({ kind: "DOCKER", action: "resource.read" }, async ({ endpoint }) => {
  return { containers: await currentContainers(endpoint) };
});

export const POST = endpointRoute(
  {
    kind: "DOCKER",
    action: "resource.write",
    body: createContainerSchema,
    audit: ({ body }) => ({
      action: "container.create",
      target: body.name ?? body.image,
      detail: { image: body.image },
    }),
  },
  async ({ endpoint, body }) => {
    checkBindMounts(
      endpoint,
      body.volumes.map((v) => v.source),
    );
    const docker = dockerClient(endpoint);
    const container = await docker.createContainer(toCreateOptions(body));
    if (body.start) await container.start();
    return Response.json({ id: container.id }, { status: 201 });
  },
);
