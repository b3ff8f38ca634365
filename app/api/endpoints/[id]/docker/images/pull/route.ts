import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { pullImage } from "@/lib/docker/images";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { describeUpstreamError } from "@/lib/endpoints/upstream-error";
import { endpointRoute } from "@/lib/http/endpoint-route";
import { ndjsonResponse } from "@/lib/http/ndjson-response";

export const dynamic = "force-dynamic";

const body = z.object({
  image: z.string().trim().min(1, "image is required").max(512),
  // Registry credentials for this pull only; never stored or logged.
  auth: z
    .object({
      username: z.string().min(1).max(256),
      password: z.string().min(1).max(4096),
      serveraddress: z.string().min(1).max(512),
    })
    .optional(),
});

// Streams the engine's progress per layer ({id, status, current, total}) as NDJSON.
export const POST = endpointRoute({ action: "resource.write", body }, async ({ endpoint, body, subject, address }) =>
  ndjsonResponse((send) => pullImage(dockerClient(endpoint), { image: body.image, auth: body.auth }, send), {
    describeError: (e) => describeUpstreamError(e, endpoint.name).message,
    onEnd: ({ ok, error }) =>
      recordAudit({
        actor: subject,
        action: "image.pull",
        endpointId: endpoint.id,
        target: body.image,
        outcome: ok ? "SUCCESS" : "FAILURE",
        address,
        detail: error ? { error } : undefined,
      }),
  }),
);
