import { z } from "zod";
import { badRequest } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { KubeconfigError, listKubeContexts } from "@/lib/kube/kubeconfig";

export const dynamic = "force-dynamic";

const body = z.object({
  kubeconfig: z
    .string()
    .min(1, "paste or upload a kubeconfig")
    .max(1024 * 1024),
});

// The contexts of an uploaded kubeconfig, with what keeps each from being usable. No credentials
// are returned.
export const POST = route({ body }, async ({ body, require }) => {
  await require("endpoint.create");
  try {
    return listKubeContexts(body.kubeconfig);
  } catch (error) {
    if (error instanceof KubeconfigError) throw badRequest(error.message);
    throw error;
  }
});
