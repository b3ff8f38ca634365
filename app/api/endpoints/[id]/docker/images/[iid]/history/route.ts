import { z } from "zod";
import { imageRef } from "@/lib/docker/names";
import { imageHistory } from "@/lib/docker/images";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { endpointRoute } from "@/lib/http/endpoint-route";

export const dynamic = "force-dynamic";

const params = z.object({ iid: imageRef });

export const GET = endpointRoute({ kind: "DOCKER", action: "resource.read", params }, async ({ endpoint, params }) => ({
  history: await imageHistory(dockerClient(endpoint), params.iid),
}));
