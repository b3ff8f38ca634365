import { z } from "zod";
import { CONTAINER_ACTION_PERMISSIONS } from "@/lib/docker/container-action-permissions";
import { containerRef } from "@/lib/docker/names";
import {
  CONTAINER_ACTIONS,
  containerActionBody,
  containerActionName,
  LONG_ACTIONS,
} from "@/lib/docker/container-actions";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { endpointRoute } from "@/lib/http/endpoint-route";

export const dynamic = "force-dynamic";

const params = z.object({ cid: containerRef, action: containerActionName });

// POST …/containers/<id>/start|stop|restart|kill|pause|unpause|rename|remove
export const POST = endpointRoute(
  {
    kind: "DOCKER",
    params,
    body: containerActionBody,
    action: (p) => CONTAINER_ACTION_PERMISSIONS[p.action],
    audit: ({ params, body }) => ({
      action: `container.${params.action}`,
      target: params.cid,
      detail: body.name ? { name: body.name } : undefined,
    }),
  },
  async ({ endpoint, params, body }) => {
    const docker = dockerClient(endpoint, { long: LONG_ACTIONS.has(params.action) });
    const result = await CONTAINER_ACTIONS[params.action](docker, params.cid, body);
    // recreate answers with the new container's id
    if (typeof result === "string") return { id: result };
  },
);
