import { z } from "zod";
import { endpointRoute } from "@/lib/http/endpoint-route";
import { kubeApi } from "@/lib/kube/kube-api";
import { namespaceName, pathSegmentName, resourceIdParam } from "@/lib/kube/names";
import { objectView, objectYaml } from "@/lib/kube/object-view";
import { relatedObjects } from "@/lib/kube/related";
import { objectNamespace } from "@/lib/kube/object-namespace";
import { resolveKind } from "@/lib/kube/resolve-kind";
import { deleteObject, readObject } from "@/lib/kube/resources";

export const dynamic = "force-dynamic";

const params = z.object({ resource: resourceIdParam, name: pathSegmentName });
const query = z.object({
  namespace: namespaceName.optional(),
  propagationPolicy: z.enum(["Foreground", "Background", "Orphan"]).optional(),
});

// GET …/kube/<resource>/<name>[?namespace=]: the object (a Secret's values hidden), its YAML and
// the events about it.
export const GET = endpointRoute(
  { kind: "KUBERNETES", action: "resource.read", params, query, namespace: ({ query }) => query.namespace },
  async ({ endpoint, params, query, subject, require }) => {
    const kind = await resolveKind(endpoint, params.resource);
    const namespace = await objectNamespace(kind, query.namespace, () =>
      require("resource.read", { endpointId: endpoint.id }),
    );
    const view = await objectView(kubeApi(endpoint, { actingAs: subject }), kind, params.name, namespace);
    return { ...view, related: await relatedObjects(subject, endpoint, kind, view.object) };
  },
);

// DELETE …/kube/<resource>/<name>[?namespace=&propagationPolicy=]; the audit row keeps its YAML.
export const DELETE = endpointRoute(
  {
    kind: "KUBERNETES",
    action: "resource.delete",
    params,
    query,
    namespace: ({ query }) => query.namespace,
    audit: ({ params, query }) => ({
      action: "kube.delete",
      target: `${params.resource}/${query.namespace ? `${query.namespace}/` : ""}${params.name}`,
    }),
  },
  async ({ endpoint, params, query, subject, auditDetail, require }) => {
    const kind = await resolveKind(endpoint, params.resource);
    const api = kubeApi(endpoint, { actingAs: subject });
    const namespace = await objectNamespace(kind, query.namespace, () =>
      require("resource.delete", { endpointId: endpoint.id }),
    );
    const before = await readObject(api, kind, params.name, namespace);
    auditDetail({ before: objectYaml(before, kind) });
    await deleteObject(api, kind, params.name, { namespace, propagationPolicy: query.propagationPolicy });
  },
);
