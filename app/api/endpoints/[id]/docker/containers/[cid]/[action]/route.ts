import { z } from "zod";
import { config } from "@/lib/config";
import {
  actionTimeoutMs,
  CONTAINER_ACTIONS,
  containerActionBody,
  containerActionName,
} from "@/lib/docker/container-actions";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { endpointRoute } from "@/lib/http/endpoint-route";

export const dynamic = "force-dynamic";

const params = z.object({ cid: z.string().min(1).max(128), action: containerActionName });

// POST …/containers/<id>/start|stop|restart|kill|pause|unpause|rename|remove
export const POST = endpointRoute(
  {
    params,
    body: containerActionBody,
    action: (p) => CONTAINER_ACTIONS[p.action].permission,
    audit: ({ params, body }) => ({
      action: `container.${params.action}`,
      target: params.cid,
      detail: body.name ? { name: body.name } : undefined,
    }),
  },
  async ({ endpoint, params, body }) => {
    const docker = dockerClient(endpoint, {
      timeoutMs: actionTimeoutMs(params.action, body, config().UPSTREAM_TIMEOUT_MS),
    });
    const result = await CONTAINER_ACTIONS[params.action].run(docker, params.cid, body);
    // recreate answers with the new container's id
    if (typeof result === "string") return { id: result };
  },
);
