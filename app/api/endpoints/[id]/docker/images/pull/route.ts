import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { pullImage } from "@/lib/docker/images";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { describeUpstreamError } from "@/lib/endpoints/upstream-error";
import { endpointRoute } from "@/lib/http/endpoint-route";

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

// Streams the engine's progress as NDJSON lines ({id, status, current, total}), then a last line
// {done: true} or {error}.
export const POST = endpointRoute({ action: "resource.write", body }, async ({ endpoint, body, subject, address }) => {
  const docker = dockerClient(endpoint);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(JSON.stringify(value) + "\n"));
      let outcome: "SUCCESS" | "FAILURE" = "SUCCESS";
      let error: string | undefined;
      try {
        await pullImage(docker, { image: body.image, auth: body.auth }, send);
        send({ done: true });
      } catch (e) {
        outcome = "FAILURE";
        error = describeUpstreamError(e, endpoint.name).message;
        send({ error });
      }
      await recordAudit({
        actor: subject,
        action: "image.pull",
        endpointId: endpoint.id,
        target: body.image,
        outcome,
        address,
        detail: error ? { error } : undefined,
      });
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson", "cache-control": "no-store" } });
});
