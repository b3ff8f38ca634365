// The namespace an object route works in. Routes are authorized on the namespace the request names,
// before the kind is known; a cluster-scoped kind ignores that namespace, so the permission must
// then hold cluster-wide too — or a person limited to one namespace could name it to reach nodes.
import type { KubeKind } from "./kinds/kind";

export async function objectNamespace(
  kind: KubeKind,
  asked: string | undefined,
  requireClusterWide: () => Promise<void>,
): Promise<string | undefined> {
  if (kind.namespaced) return asked;
  if (asked !== undefined) await requireClusterWide();
  return undefined;
}
