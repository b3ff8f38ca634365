import { z } from "zod";
import { imageRef } from "@/lib/docker/names";
import { recordAudit } from "@/lib/audit/record";
import { pullImage } from "@/lib/docker/images";
import { IMAGES } from "@/lib/docker/kinds/images";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { describeUpstreamError } from "@/lib/endpoints/upstream-error";
import { endpointRoute } from "@/lib/http/endpoint-route";
import { ndjsonResponse } from "@/lib/http/ndjson-response";

export const dynamic = "force-dynamic";

const body = z.object({
  image: imageRef,
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
export const POST = endpointRoute(
  { kind: "DOCKER", action: IMAGES.extras.pull, body },
  async ({ endpoint, body, subject, address }) =>
    ndjsonResponse(
      (send, signal) =>
        pullImage(dockerClient(endpoint, { long: true }), { image: body.image, auth: body.auth, signal }, send),
      {
        describeError: (e) => describeUpstreamError(e, endpoint.name).message,
        onEnd: ({ ok, error, clientLeft }) =>
          recordAudit({
            actor: subject,
            action: "image.pull",
            endpointId: endpoint.id,
            target: body.image,
            outcome: ok ? "SUCCESS" : "FAILURE",
            address,
            detail: error || clientLeft ? { error, clientLeft } : undefined,
          }),
      },
    ),
);
