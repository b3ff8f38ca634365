// Which namespaces one viewer's kube:watch may show: the namespaces asked for (each one allowed),
// or, when none are named, every namespace the viewer may read (null: all of them). A
// cluster-scoped kind needs access that is not limited to namespaces.
import type { KubeKind } from "../kube/kinds/kind";
import { AccessDeniedError, endpointNotFound } from "../rbac/access-denied";
import { allowedNamespaces, authorize, visibleEndpointIds, type Subject } from "../rbac/authorize";
import { SocketRequestError } from "./socket-handler";

export function kubeWatchNamespaces(options: {
  subject: Subject;
  endpointId: string;
  kind: KubeKind;
  requested?: string[];
}): string[] | null {
  const { subject, endpointId, kind, requested } = options;
  if (visibleEndpointIds(subject, [endpointId]).length === 0) throw endpointNotFound("resource.read", endpointId);
  if (!kind.namespaced) {
    if (requested) throw new SocketRequestError(`${kind.title} are cluster-wide: watch them without namespaces`);
    if (!authorize(subject, "resource.read", { endpointId }).allowed)
      throw new AccessDeniedError(`you may not read ${kind.title}: your access is limited to some namespaces`, {
        action: "resource.read",
        endpointId,
        target: kind.title,
      });
    return null;
  }
  if (requested) {
    const refused = requested.filter(
      (namespace) => !authorize(subject, "resource.read", { endpointId, namespace }).allowed,
    );
    if (refused.length)
      throw new AccessDeniedError(`you may not read ${kind.title} in namespace ${refused.join(", ")}`, {
        action: "resource.read",
        endpointId,
        target: refused.join(", "),
      });
    return [...requested].sort();
  }
  const allowed = allowedNamespaces(subject, endpointId);
  return allowed === "all" ? null : [...allowed].sort();
}

export const sameNamespaces = (a: string[] | null, b: string[] | null) =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((n, i) => n === b[i]));
