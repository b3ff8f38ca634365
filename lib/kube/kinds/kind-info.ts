// What a page needs to know about a kind, as plain data that can travel from a server component to
// the browser (a descriptor's column functions cannot): built-in and custom kinds alike.
import type { KubeColumn, KubeKind } from "./kind";

export interface KubeKindInfo
  extends Pick<KubeKind, "kind" | "title" | "group" | "version" | "resource" | "namespaced" | "actions" | "category"> {
  columns: Pick<KubeColumn, "header" | "type" | "wide">[];
}

export function kindInfo(kind: KubeKind): KubeKindInfo {
  return {
    kind: kind.kind,
    title: kind.title,
    group: kind.group,
    version: kind.version,
    resource: kind.resource,
    namespaced: kind.namespaced,
    actions: kind.actions,
    category: kind.category,
    columns: kind.columns.map((c) => ({ header: c.header, type: c.type, wide: c.wide })),
  };
}
