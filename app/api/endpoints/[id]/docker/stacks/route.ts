import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { checkBindMounts } from "@/lib/docker/bind-mount-policy";
import { deployStack } from "@/lib/docker/compose/deploy-stack";
import { ComposeError, parseCompose } from "@/lib/docker/compose/parse-compose";
import { dockerClient } from "@/lib/endpoints/docker-client";
import { describeUpstreamError } from "@/lib/endpoints/upstream-error";
import { badRequest } from "@/lib/errors";
import { endpointRoute } from "@/lib/http/endpoint-route";
import { ndjsonResponse } from "@/lib/http/ndjson-response";

export const dynamic = "force-dynamic";

const body = z.object({
  project: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "project names use lower-case letters, digits, _ and -")
    .max(64),
  compose: z
    .string()
    .min(1, "paste a compose file")
    .max(512 * 1024),
});

// Deploys a compose file as a stack, streaming each step ({step, total, message}) as NDJSON.
export const POST = endpointRoute(
  { kind: "DOCKER", action: "resource.write", body },
  async ({ endpoint, body, subject, address }) => {
    let plan;
    try {
      plan = parseCompose(body.compose);
    } catch (error) {
      if (error instanceof ComposeError) throw badRequest(error.message);
      throw error;
    }
    checkBindMounts(
      endpoint,
      plan.services.flatMap((s) => s.mounts.filter((m) => m.type === "bind").map((m) => m.source ?? "")),
    );
    // Pulls and stops may take a while: allow each engine call several minutes.
    const docker = dockerClient(endpoint, { long: true });
    // A deploy goes on to the end when the client leaves: half a stack helps nobody.
    return ndjsonResponse((send) => deployStack(docker, body.project, plan, send), {
      describeError: (e) => describeUpstreamError(e, endpoint.name).message,
      onEnd: ({ ok, error, clientLeft }) =>
        recordAudit({
          actor: subject,
          action: "stack.deploy",
          endpointId: endpoint.id,
          target: body.project,
          outcome: ok ? "SUCCESS" : "FAILURE",
          address,
          detail: { services: plan.services.map((s) => s.name), clientLeft, ...(error ? { error } : {}) },
        }),
    });
  },
);
