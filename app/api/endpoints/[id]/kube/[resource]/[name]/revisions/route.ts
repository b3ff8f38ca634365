import { z } from "zod";
import { badRequest } from "@/lib/errors";
import { endpointRoute } from "@/lib/http/endpoint-route";
import { kubeApi } from "@/lib/kube/kube-api";
import { namespaceName, pathSegmentName, resourceIdParam } from "@/lib/kube/names";
import { resolveKind } from "@/lib/kube/resolve-kind";
import { readObject } from "@/lib/kube/resources";
import { hasRolloutHistory, revisionRows, rolloutHistory } from "@/lib/kube/rollout-history";

export const dynamic = "force-dynamic";

const params = z.object({ resource: resourceIdParam, name: pathSegmentName });
const query = z.object({ namespace: namespaceName });

// GET …/kube/<deployments.apps|statefulsets.apps|daemonsets.apps>/<name>/revisions?namespace=: the
// revisions a rollback can return to, newest first, the current one marked.
export const GET = endpointRoute(
  { kind: "KUBERNETES", action: "resource.read", params, query, namespace: ({ query }) => query.namespace },
  async ({ endpoint, params, query, subject }) => {
    const kind = await resolveKind(endpoint, params.resource);
    if (!hasRolloutHistory(kind)) throw badRequest(`${kind.title} have no rollout history`);
    const api = kubeApi(endpoint, { actingAs: subject });
    const object = await readObject(api, kind, params.name, query.namespace);
    return { revisions: revisionRows(await rolloutHistory(api, kind.kind, object)) };
  },
);
