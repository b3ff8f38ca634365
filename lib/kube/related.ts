// The objects related to one object, as Kubernetes users follow them: what it owns (a
// deployment's replicasets and their pods, a job's pods), what selects or mounts it (a service's
// pods and endpoint slices, a claim's pods and volume), where it runs (a pod's node, a node's pods).
// Read from the watch cache, and limited to what the person may read.
import type { Endpoint } from "../db/client";
import { allowedNamespaces, type Subject } from "../rbac/authorize";
import { cachedObjects } from "./cached-objects";
import { builtInKind } from "./kinds/catalog";
import { at, list, str } from "./kinds/helpers";
import { resourceId, type Health, type KubeKind, type KubeObject } from "./kinds/kind";

export interface RelatedObject {
  relation: string;
  resource: string;
  kind: string;
  name: string;
  namespace: string | null;
  health: Health | null;
}

const MAX_PER_RELATION = 200;

const labelsMatch = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  Boolean(selector && Object.keys(selector).length) && Object.entries(selector!).every(([k, v]) => labels?.[k] === v);

export async function relatedObjects(subject: Subject, endpoint: Endpoint, kind: KubeKind, object: KubeObject) {
  const wide = allowedNamespaces(subject, endpoint.id) === "all";
  const ns = object.metadata.namespace;
  const found: RelatedObject[] = [];
  const objects = (id: string) => cachedObjects(endpoint, builtInKind(id)!).catch(() => [] as KubeObject[]);
  const add = (relation: string, id: string, items: KubeObject[]) => {
    const k = builtInKind(id)!;
    if (!k.namespaced && !wide) return; // cluster-wide objects only for unlimited grants
    for (const o of items.slice(0, MAX_PER_RELATION))
      found.push({
        relation,
        resource: resourceId(k),
        kind: k.kind,
        name: o.metadata.name,
        namespace: o.metadata.namespace ?? null,
        health: k.health?.(o) ?? null,
      });
  };
  const sameNamespace = (items: KubeObject[]) => items.filter((o) => o.metadata.namespace === ns);
  const ownedBy = (items: KubeObject[], uids: string[]) =>
    sameNamespace(items).filter((o) => o.metadata.ownerReferences?.some((r) => uids.includes(r.uid)));

  switch (kind.kind) {
    case "Deployment": {
      const replicaSets = ownedBy(await objects("replicasets.apps"), [object.metadata.uid]);
      add("replica set", "replicasets.apps", replicaSets);
      add(
        "pod",
        "pods",
        ownedBy(
          await objects("pods"),
          replicaSets.map((r) => r.metadata.uid),
        ),
      );
      break;
    }
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet":
    case "Job":
      add("pod", "pods", ownedBy(await objects("pods"), [object.metadata.uid]));
      break;
    case "CronJob":
      add("job", "jobs.batch", ownedBy(await objects("jobs.batch"), [object.metadata.uid]));
      break;
    case "Service": {
      const selector = at(object, "spec", "selector") as Record<string, string> | undefined;
      add(
        "pod",
        "pods",
        sameNamespace(await objects("pods")).filter((p) => labelsMatch(selector, p.metadata.labels)),
      );
      add(
        "endpoint slice",
        "endpointslices.discovery.k8s.io",
        sameNamespace(await objects("endpointslices.discovery.k8s.io")).filter(
          (s) => s.metadata.labels?.["kubernetes.io/service-name"] === object.metadata.name,
        ),
      );
      break;
    }
    case "PersistentVolumeClaim": {
      const mounts = (p: KubeObject) =>
        list(at(p, "spec", "volumes")).some(
          (v) => str(at(v, "persistentVolumeClaim", "claimName")) === object.metadata.name,
        );
      add("pod", "pods", sameNamespace(await objects("pods")).filter(mounts));
      const volume = str(at(object, "spec", "volumeName"));
      if (volume)
        add(
          "volume",
          "persistentvolumes",
          (await objects("persistentvolumes")).filter((v) => v.metadata.name === volume),
        );
      break;
    }
    case "Pod": {
      const node = str(at(object, "spec", "nodeName"));
      if (node)
        add(
          "node",
          "nodes",
          (await objects("nodes")).filter((n) => n.metadata.name === node),
        );
      const claims = list(at(object, "spec", "volumes"))
        .map((v) => str(at(v, "persistentVolumeClaim", "claimName")))
        .filter(Boolean);
      if (claims.length)
        add(
          "claim",
          "persistentvolumeclaims",
          sameNamespace(await objects("persistentvolumeclaims")).filter((c) => claims.includes(c.metadata.name)),
        );
      break;
    }
    case "Node": {
      const pods = (await objects("pods")).filter((p) => str(at(p, "spec", "nodeName")) === object.metadata.name);
      add("pod", "pods", wide ? pods : []);
      break;
    }
  }
  return found;
}
