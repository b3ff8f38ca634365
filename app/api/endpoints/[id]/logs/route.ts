import { z } from "zod";
import { containerRef } from "@/lib/docker/names";
import { badRequest } from "@/lib/errors";
import { endpointRoute } from "@/lib/http/endpoint-route";
import { containerName, namespaceName, objectName } from "@/lib/kube/names";
import { MAX_DOWNLOAD_LINES, readLogTail } from "@/lib/streams/read-log-tail";

export const dynamic = "force-dynamic";

const query = z
  .object({
    container: z.string().optional(),
    namespace: namespaceName.optional(),
    pod: objectName.optional(),
    previous: z.enum(["true", "false"]).optional(),
    tail: z.coerce.number().int().min(1).max(MAX_DOWNLOAD_LINES).default(10_000),
    timestamps: z.enum(["true", "false"]).default("true"),
  })
  .superRefine((q, ctx) => {
    // A Docker container id or name, or the name of a container in a pod: each by its own rules.
    if (q.container === undefined) return;
    const parsed = (q.pod ? containerName : containerRef).safeParse(q.container);
    if (!parsed.success)
      ctx.addIssue({ code: "custom", path: ["container"], message: parsed.error.issues[0]!.message });
  });

// The last N lines of a container (?container=<id>) or a pod's container
// (?namespace=&pod=[&container=][&previous=true]), as a file to save (at most MAX_DOWNLOAD_BYTES).
// Checked like a log subscription: "logs.read" on the endpoint, and on the namespace for a pod.
export const GET = endpointRoute(
  { action: "logs.read", query, namespace: ({ query }) => query.namespace },
  async ({ endpoint, query, subject }) => {
    const pod = query.namespace && query.pod;
    if (!pod && !query.container) throw badRequest("say which logs: container=<id>, or namespace= and pod=");
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
    if (target.kind === "pod" && endpoint.kind !== "KUBERNETES")
      throw badRequest("pods are on Kubernetes endpoints; for a container give container=<id>");
    // Streamed: capped in bytes, and the upstream stops when the client goes away.
    const { name: fileName, body } = await readLogTail(
      endpoint,
      target,
      { tail: query.tail, timestamps: query.timestamps === "true" },
      { actingAs: subject },
    );
    return new Response(body, {
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}-${new Date().toISOString().replace(/[:.]/g, "-")}.log"`,
      },
    });
  },
);
