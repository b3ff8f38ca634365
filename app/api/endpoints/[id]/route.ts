import { recordAudit } from "@/lib/audit/record";
import { endpointChangeSchema } from "@/lib/endpoints/input";
import { deleteEndpoint, getVisibleEndpoint, updateEndpoint } from "@/lib/endpoints/registry";
import { checkEndpoint } from "@/lib/endpoints/health";
import { toEndpointView } from "@/lib/endpoints/view";
import { recheckAccessNow } from "@/lib/realtime/access-recheck";
import { emitForEndpoint } from "@/lib/realtime/hub";
import { endpointParams, route } from "@/lib/http/route";
import { roleOn } from "@/lib/rbac/authorize";

export const dynamic = "force-dynamic";

export const GET = route({ params: endpointParams }, async ({ params, subject, require }) => {
  await require("endpoint.view", { endpointId: params.id });
  const endpoint = await getVisibleEndpoint(subject, params.id);
  return { endpoint: toEndpointView(endpoint), role: roleOn(subject, endpoint.id) };
});

export const PATCH = route(
  { params: endpointParams, body: endpointChangeSchema },
  async ({ params, body, subject, require, address }) => {
    await require("endpoint.update", { endpointId: params.id });
    const before = await getVisibleEndpoint(subject, params.id);
    const endpoint = await updateEndpoint(before, body);
    const changed = Object.keys(body).filter((k) => k !== "connection");
    if (body.connection) changed.push("connection");
    await recordAudit({
      actor: subject,
      action: "endpoint.update",
      endpointId: endpoint.id,
      target: endpoint.name,
      outcome: "SUCCESS",
      address,
      detail: { changed },
    });
    emitForEndpoint(endpoint.id, "endpoint:changed", { endpoint: toEndpointView(endpoint) });
    // A change of tags changes who sees it through tag grants.
    if (body.tags) void recheckAccessNow();
    if (body.connection || body.tlsVerify !== undefined || body.forgetSshHostKey)
      void checkEndpoint(endpoint).catch(() => {});
    return { endpoint: toEndpointView(endpoint) };
  },
);

export const DELETE = route({ params: endpointParams }, async ({ params, subject, require, address }) => {
  await require("endpoint.delete", { endpointId: params.id });
  const endpoint = await getVisibleEndpoint(subject, params.id);
  await deleteEndpoint(endpoint);
  // Its streams and rooms close now, not at the next periodic access check.
  void recheckAccessNow();
  await recordAudit({
    actor: subject,
    action: "endpoint.delete",
    target: endpoint.name,
    outcome: "SUCCESS",
    address,
    detail: { id: endpoint.id },
  });
  emitForEndpoint(endpoint.id, "endpoint:removed", { id: endpoint.id });
});
