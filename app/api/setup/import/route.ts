import { z } from "zod";
import { importLocalEndpoints } from "@/lib/endpoints/discover-local";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const body = z.object({
  docker: z.boolean().default(false),
  kubeContexts: z.array(z.string().min(1)).max(100).default([]),
});

export const POST = route({ body }, async ({ body, subject, require, address }) => {
  await require("endpoint.create");
  return importLocalEndpoints(body, { actor: subject, address });
});
