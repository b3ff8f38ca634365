import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { describeUpstreamError } from "@/lib/endpoints/upstream-error";
import { badRequest, HttpError } from "@/lib/errors";
import { endpointRoute } from "@/lib/http/endpoint-route";
import { ndjsonResponse } from "@/lib/http/ndjson-response";
import { drainNode } from "@/lib/kube/drain-node";
import { applyDrainLine, drainBody, drainSummary, emptyDrainProgress } from "@/lib/kube/drain-progress";
import { kubeApi } from "@/lib/kube/kube-api";
import { KUBE_ACTION_PERMISSIONS } from "@/lib/kube/kinds/kind";
import { pathSegmentName, resourceIdParam } from "@/lib/kube/names";
import { resolveKind } from "@/lib/kube/resolve-kind";
import { readObject } from "@/lib/kube/resources";

export const dynamic = "force-dynamic";

const params = z.object({ resource: resourceIdParam, name: pathSegmentName });

// POST …/kube/nodes/<name>/drain {gracePeriodSeconds?, timeoutSeconds?}: cordons the node and
// evicts its pods, streaming DrainLines as NDJSON. A node is cluster-scoped, so the permission must
// be granted on the whole cluster. One audit row when it ends: what was evicted and what was not.
export const POST = endpointRoute(
  { kind: "KUBERNETES", action: KUBE_ACTION_PERMISSIONS.drain, params, body: drainBody },
  async ({ endpoint, params, body, subject, address }) => {
    const kind = await resolveKind(endpoint, params.resource);
    if (kind.kind !== "Node") throw badRequest(`only a node can be drained, not a ${kind.kind}`);
    const api = kubeApi(endpoint, { actingAs: subject });
    const node = await readObject(api, kind, params.name);
    let progress = emptyDrainProgress(params.name);
    return ndjsonResponse(
      (send, signal) =>
        drainNode(api, node, { ...body, signal }, (line) => {
          progress = applyDrainLine(progress, line);
          send(line);
        }),
      {
        describeError: (e) =>
          e instanceof HttpError
            ? e.message
            : (e as Error | undefined)?.name === "AbortError"
              ? "stopped: the client left"
              : describeUpstreamError(e, endpoint.name).message,
        onEnd: ({ ok, error, clientLeft }) =>
          recordAudit({
            actor: subject,
            action: "kube.drain",
            endpointId: endpoint.id,
            target: `nodes/${params.name}`,
            outcome: ok ? "SUCCESS" : "FAILURE",
            address,
            detail: { ...drainSummary(progress), options: body, error, clientLeft: clientLeft || undefined },
          }),
      },
    );
  },
);
