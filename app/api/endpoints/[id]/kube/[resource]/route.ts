import { z } from "zod";
import { endpointRoute } from "@/lib/http/endpoint-route";
import { AS_ENDPOINT } from "@/lib/kube/impersonation";
import { kubeApi } from "@/lib/kube/kube-api";
import { listRowsFor } from "@/lib/kube/list-for-subject";
import { namespaceName, resourceIdParam } from "@/lib/kube/names";
import { resolveKind } from "@/lib/kube/resolve-kind";

export const dynamic = "force-dynamic";

const params = z.object({ resource: resourceIdParam });
const query = z.object({ namespace: namespaceName.optional() });

// GET …/kube/<resource>[?namespace=]: the rows of a list, as the descriptor's columns show them,
// of the namespaces the user may read.
export const GET = endpointRoute(
  { kind: "KUBERNETES", action: "resource.read", params, query, namespace: ({ query }) => query.namespace ?? "any" },
  async ({ endpoint, params, query, subject, require }) => {
    const kind = await resolveKind(endpoint, params.resource);
    // A cluster-wide kind is read with access that is not limited to namespaces (refusals audited).
    if (!kind.namespaced) await require("resource.read", { endpointId: endpoint.id });
    return {
      kind: { kind: kind.kind, title: kind.title, namespaced: kind.namespaced },
      rows: await listRowsFor(subject, endpoint, kubeApi(endpoint, AS_ENDPOINT), kind, query.namespace),
    };
  },
);
