import { discoverLocalEndpoints } from "@/lib/endpoints/discover-local";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// What this server can reach on its own machine: the local Docker engine and kubeconfig contexts.
export const GET = route({}, async ({ require }) => {
  await require("endpoint.create");
  return discoverLocalEndpoints();
});
