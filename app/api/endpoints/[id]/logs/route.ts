import { z } from "zod";
import { getVisibleEndpoint } from "@/lib/endpoints/registry";
import { describeUpstreamError } from "@/lib/endpoints/upstream-error";
import { badRequest } from "@/lib/http/errors";
import { endpointParams, route } from "@/lib/http/route";
import { MAX_DOWNLOAD_LINES, readLogTail } from "@/lib/streams/read-log-tail";

export const dynamic = "force-dynamic";

const name = z.string().min(1).max(253);
const query = z.object({
  container: z.string().min(1).max(253).optional(),
  namespace: name.optional(),
  pod: name.optional(),
  previous: z.enum(["true", "false"]).optional(),
  tail: z.coerce.number().int().min(1).max(MAX_DOWNLOAD_LINES).default(10_000),
  timestamps: z.enum(["true", "false"]).default("true"),
});

// The last N lines of a container (?container=<id>) or a pod's container
// (?namespace=&pod=[&container=][&previous=true]), as a file to save (at most MAX_DOWNLOAD_BYTES).
// Checked like a log subscription: "logs.read" on the endpoint, and on the namespace for a pod.
export const GET = route({ params: endpointParams, query }, async ({ params, query, subject, require }) => {
  const pod = query.namespace && query.pod;
  if (!pod && !query.container) throw badRequest("say which logs: container=<id>, or namespace= and pod=");
  await require("logs.read", { endpointId: params.id, namespace: query.namespace });
  const endpoint = await getVisibleEndpoint(subject, params.id);
  const target = pod
    ? {
        kind: "pod" as const,
        namespace: query.namespace!,
        pod: query.pod!,
        container: query.container,
        previous: query.previous === "true",
      }
    : { kind: "container" as const, containerId: query.container! };
  if (target.kind === "container" && endpoint.kind !== "DOCKER")
    throw badRequest("containers are on Docker endpoints; for a pod give namespace= and pod=");
  // Streamed: capped in bytes, and the upstream stops when the client goes away.
  const { name: fileName, body } = await readLogTail(endpoint, target, {
    tail: query.tail,
    timestamps: query.timestamps === "true",
  }).catch((error: unknown) => {
    throw describeUpstreamError(error, endpoint.name);
  });
  return new Response(body, {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}-${new Date().toISOString().replace(/[:.]/g, "-")}.log"`,
    },
  });
});
