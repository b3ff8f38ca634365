import { recordAudit } from "@/lib/audit/record";
import { checkEndpoint } from "@/lib/endpoints/health";
import { getVisibleEndpoint } from "@/lib/endpoints/registry";
import { endpointParams, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Test a saved endpoint now; the result also updates its status for everyone watching.
export const POST = route({ params: endpointParams }, async ({ params, subject, require, address }) => {
  await require("endpoint.test", { endpointId: params.id });
  const endpoint = await getVisibleEndpoint(subject, params.id);
  const result = await checkEndpoint(endpoint);
  await recordAudit({
    actor: subject,
    action: "endpoint.test",
    endpointId: endpoint.id,
    target: endpoint.name,
    outcome: result.ok ? "SUCCESS" : "FAILURE",
    address,
    detail: result.ok ? { version: result.version } : { code: result.code },
  });
  return { result };
});
