import { dockerClient } from "@/lib/endpoints/docker-client";
import { endpointRoute } from "@/lib/http/endpoint-route";
import { engineSummary } from "@/lib/docker/engine-summary";

export const dynamic = "force-dynamic";

// The endpoint's home: engine, host, counts and disk usage.
export const GET = endpointRoute({ kind: "DOCKER", action: "resource.read" }, async ({ endpoint }) => ({
  summary: await engineSummary(dockerClient(endpoint)),
}));
