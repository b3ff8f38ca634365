import { z } from "zod";
import { imageHistory } from "@/lib/docker/images";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { endpointRoute } from "@/lib/http/endpoint-route";

export const dynamic = "force-dynamic";

const params = z.object({ iid: z.string().min(1).max(512) });

export const GET = endpointRoute({ action: "resource.read", params }, async ({ endpoint, params }) => ({
  history: await imageHistory(dockerClient(endpoint), params.iid),
}));
