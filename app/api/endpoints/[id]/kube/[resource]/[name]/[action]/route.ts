import { z } from "zod";
import { badRequest } from "@/lib/errors";
import { endpointRoute } from "@/lib/http/endpoint-route";
import { kubeActionBody, runKubeAction } from "@/lib/kube/actions";
import { kubeApi } from "@/lib/kube/kube-api";
import { KUBE_ACTION_PERMISSIONS, resourceId, type KubeActionName } from "@/lib/kube/kinds/kind";
import { namespaceName, pathSegmentName, resourceIdParam } from "@/lib/kube/names";
import { objectYaml } from "@/lib/kube/object-view";
import { objectNamespace } from "@/lib/kube/object-namespace";
import { resolveKind } from "@/lib/kube/resolve-kind";
import { readObject } from "@/lib/kube/resources";
import { revealSecret } from "@/lib/kube/secret-values";

export const dynamic = "force-dynamic";

const actionName = z.enum(Object.keys(KUBE_ACTION_PERMISSIONS) as [KubeActionName, ...KubeActionName[]]);
const params = z.object({ resource: resourceIdParam, name: pathSegmentName, action: actionName });
const query = z.object({ namespace: namespaceName.optional() });

// POST …/kube/<resource>/<name>/<scale|restart|pause|resume|rollback|cordon|uncordon|suspend|
// unsuspend|create-job|reveal> (drain streams its progress: ../drain). Each action needs the
// permission in KUBE_ACTION_PERMISSIONS on the object's namespace; the audit row keeps the object's
// YAML before and after (a Secret's values never), or the YAML of the object the action made.
export const POST = endpointRoute(
  {
    kind: "KUBERNETES",
    action: (p) => KUBE_ACTION_PERMISSIONS[p.action],
    params,
    query,
    body: kubeActionBody,
    namespace: ({ query }) => query.namespace,
    audit: ({ params, query, body }) => ({
      action: `kube.${params.action}`,
      target: `${params.resource}/${query.namespace ? `${query.namespace}/` : ""}${params.name}`,
      detail: { replicas: body.replicas, revision: body.revision },
    }),
  },
  async ({ endpoint, params, query, body, subject, auditDetail, require }) => {
    const kind = await resolveKind(endpoint, params.resource);
    const api = kubeApi(endpoint, { actingAs: subject });
    const namespace = await objectNamespace(kind, query.namespace, () =>
      require(KUBE_ACTION_PERMISSIONS[params.action], { endpointId: endpoint.id }),
    );
    if (params.action === "reveal") {
      if (kind.kind !== "Secret") throw badRequest("only a Secret has values to reveal");
      return { values: revealSecret(await readObject(api, kind, params.name, namespace)) };
    }
    const result = await runKubeAction(api, { kind, name: params.name, namespace }, params.action, body);
    if ("created" in result) {
      const { metadata } = result.created;
      const created = { resource: resourceId(result.kind), namespace: metadata.namespace ?? null, name: metadata.name };
      auditDetail({ created, after: objectYaml(result.created, result.kind) });
      return { object: result.created, created };
    }
    auditDetail({ before: objectYaml(result.before, kind), after: objectYaml(result.after, kind) });
    return { object: result.after };
  },
);
