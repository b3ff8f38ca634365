import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { config } from "@/lib/config";
import { checkConnection } from "@/lib/endpoints/check-connection";
import { connectionInputSchema } from "@/lib/endpoints/input";
import { resolveTarget } from "@/lib/endpoints/resolve-target";
import { displayAddress } from "@/lib/endpoints/target";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const body = z.object({
  tlsVerify: z.boolean().default(true),
  /** Kubernetes: also check that the credentials may impersonate (the endpoint will act as people). */
  impersonate: z.boolean().default(false),
  connection: connectionInputSchema,
});

// "Test connection" before saving.
export const POST = route({ body }, async ({ body, subject, require, address }) => {
  await require("endpoint.create");
  const { target } = resolveTarget(body.connection);
  const result = await checkConnection(target, {
    tlsVerify: body.tlsVerify,
    timeoutMs: config().UPSTREAM_TIMEOUT_MS,
    impersonate: target.kind === "kubernetes" && body.impersonate,
  });
  await recordAudit({
    actor: subject,
    action: "endpoint.test",
    target: displayAddress(target),
    outcome: result.ok ? "SUCCESS" : "FAILURE",
    address,
  });
  return { result };
});
