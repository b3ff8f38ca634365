import { recordAudit } from "@/lib/audit/record";
import { createEndpointSchema } from "@/lib/endpoints/input";
import { createEndpoint, listVisibleEndpoints } from "@/lib/endpoints/registry";
import { checkEndpoint } from "@/lib/endpoints/health";
import { toEndpointView } from "@/lib/endpoints/view";
import { recheckAccessNow } from "@/lib/realtime/access-recheck";
import { emitForEndpoint } from "@/lib/realtime/hub";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({}, async ({ subject }) => ({ endpoints: await listVisibleEndpoints(subject) }));

export const POST = route({ body: createEndpointSchema }, async ({ body, subject, require, address }) => {
  await require("endpoint.create");
  const endpoint = await createEndpoint(body);
  await recordAudit({
    actor: subject,
    action: "endpoint.create",
    endpointId: endpoint.id,
    target: endpoint.name,
    outcome: "SUCCESS",
    address,
    detail: { kind: endpoint.kind, url: endpoint.url, authKind: endpoint.authKind },
  });
  emitForEndpoint(endpoint.id, "endpoint:changed", { endpoint: toEndpointView(endpoint) });
  // People whose grants reach it (all endpoints, or one of its tags) see it now, on every instance.
  void recheckAccessNow();
  // First status right away, in the background: the response does not wait for the upstream.
  void checkEndpoint(endpoint).catch(() => {});
  return Response.json({ endpoint: toEndpointView(endpoint) }, { status: 201 });
});
