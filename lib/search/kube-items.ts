// A Kubernetes endpoint's matches for one person: namespaces, nodes, workloads, services and pods
// from the watch caches the palette holds, with the actions the person's role in the object's
// namespace allows (logs, rollout restart, scale — whichever the kind offers).
import { encodeSource } from "../client/log-sources-param";
import type { Endpoint } from "../db/client";
import { KUBE_ACTION_PERMISSIONS, resourceId, type KubeKind, type KubeObject } from "../kube/kinds/kind";
import { WORKLOAD_KINDS, type WorkloadKind } from "../kube/workload-kinds";
import { roleIn, type Subject } from "../rbac/authorize";
import { can } from "../rbac/can";
import type { Candidate } from "./candidate";
import type { KindObjects } from "./kube-index";
import { matchScore, type Query } from "./match";
import type { PaletteAction, PaletteItem } from "./palette-item";

const isWorkload = (kind: string): kind is WorkloadKind => (WORKLOAD_KINDS as readonly string[]).includes(kind);

function detailOf(kind: KubeKind, object: KubeObject): string | undefined {
  const status = (object.status ?? {}) as { phase?: string; readyReplicas?: number };
  const spec = (object.spec ?? {}) as { replicas?: number; type?: string };
  if (kind.kind === "Pod") return status.phase;
  if (spec.replicas !== undefined) return `${status.readyReplicas ?? 0}/${spec.replicas} ready`;
  if (kind.kind === "Service") return spec.type;
  return undefined;
}

function actionsFor(subject: Subject, endpoint: Endpoint, kind: KubeKind, object: KubeObject): PaletteAction[] {
  const { name, namespace } = object.metadata;
  const access = { role: roleIn(subject, endpoint.id, namespace), isAdmin: subject.isAdmin };
  const allowed = (a: "logs" | "restart" | "scale") =>
    kind.actions.includes(a) && can(access, KUBE_ACTION_PERMISSIONS[a]);
  const query = namespace ? `?namespace=${encodeURIComponent(namespace)}` : "";
  const path = `/api/endpoints/${endpoint.id}/kube/${resourceId(kind)}/${encodeURIComponent(name)}`;
  const actions: PaletteAction[] = [];
  if (allowed("logs") && namespace) {
    const target =
      kind.kind === "Pod"
        ? ({ kind: "pod", namespace, pod: name } as const)
        : isWorkload(kind.kind)
          ? ({ kind: "workload", namespace, workload: kind.kind, name } as const)
          : null;
    if (target) actions.push({ kind: "logs", href: `/logs?s=${encodeSource({ endpointId: endpoint.id, target })}` });
  }
  if (allowed("restart")) actions.push({ kind: "restart", path: `${path}/restart${query}` });
  if (allowed("scale")) {
    const replicas = ((object.spec ?? {}) as { replicas?: number }).replicas ?? 0;
    actions.push({ kind: "scale", path: `${path}/scale${query}`, replicas });
  }
  return actions;
}

export function kubeCandidates(query: Query, subject: Subject, endpoint: Endpoint, kinds: KindObjects[]) {
  const found: Candidate[] = [];
  for (const { kind, objects } of kinds) {
    const type = kind.kind.toLowerCase() as PaletteItem["type"];
    const id = resourceId(kind);
    for (const object of objects) {
      const { name, namespace, uid } = object.metadata;
      const score = matchScore(query, name, `${type} ${namespace ?? ""} ${endpoint.name}`);
      if (score === null) continue;
      found.push({
        score,
        name,
        make: () => ({
          key: `${endpoint.id}|${type}|${uid}`,
          type,
          label: kind.kind,
          name,
          namespace,
          detail: detailOf(kind, object),
          endpointId: endpoint.id,
          endpointName: endpoint.name,
          href: `/endpoints/${endpoint.id}/kube/${id}/${encodeURIComponent(name)}${namespace ? `?namespace=${encodeURIComponent(namespace)}` : ""}`,
          actions: actionsFor(subject, endpoint, kind, object),
        }),
      });
    }
  }
  return found;
}

/** Namespaces a namespace-limited person may use, named by their grants (the list needs no cluster read). */
export function grantedNamespaceCandidates(query: Query, endpoint: Endpoint, namespaces: string[]): Candidate[] {
  return namespaces.flatMap((name) => {
    const score = matchScore(query, name, `namespace ${endpoint.name}`);
    if (score === null) return [];
    return [
      {
        score,
        name,
        make: (): PaletteItem => ({
          key: `${endpoint.id}|namespace|${name}`,
          type: "namespace",
          label: "Namespace",
          name,
          endpointId: endpoint.id,
          endpointName: endpoint.name,
          href: `/endpoints/${endpoint.id}/kube/pods?namespace=${encodeURIComponent(name)}`,
          actions: [],
        }),
      },
    ];
  });
}
