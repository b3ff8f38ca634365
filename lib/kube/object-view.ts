// One object as the detail page shows it: the object (a Secret's values hidden), its YAML, and the
// events about it.
import { stringify } from "yaml";
import type { KubeApi } from "./kube-api";
import { resourcePath, type KubeKind, type KubeObject } from "./kinds/kind";
import { readObject } from "./resources";
import { maskSecret } from "./secret-values";

export interface KubeEventRow {
  type: string;
  reason: string;
  message: string;
  count: number;
  last: string | null;
}

/** YAML of an object as people read it (a Secret's values hidden). */
export const objectYaml = (object: KubeObject, kind: KubeKind) => stringify(maskSecret(object, kind.kind));

export async function eventsAbout(api: KubeApi, object: KubeObject, kind: KubeKind): Promise<KubeEventRow[]> {
  const selector = [`involvedObject.name=${object.metadata.name}`, `involvedObject.kind=${kind.kind}`].join(",");
  const list = await api<{ items: KubeObject[] }>({
    path: resourcePath(
      { group: "", version: "v1", resource: "events", namespaced: true },
      {
        namespace: object.metadata.namespace,
      },
    ),
    query: { fieldSelector: selector, limit: 200 },
  });
  return list.items
    .map((e) => ({
      type: String(e.type ?? "Normal"),
      reason: String(e.reason ?? ""),
      message: String(e.message ?? ""),
      count: Number(e.count ?? 1),
      last:
        (e.lastTimestamp as string | undefined) ??
        (e.eventTime as string | undefined) ??
        e.metadata.creationTimestamp ??
        null,
    }))
    .sort((a, b) => String(b.last).localeCompare(String(a.last)));
}

export async function objectView(api: KubeApi, kind: KubeKind, name: string, namespace?: string) {
  const object = await readObject(api, kind, name, namespace);
  const events = kind.kind === "Event" ? [] : await eventsAbout(api, object, kind).catch(() => []);
  const shown = maskSecret(object, kind.kind);
  return { object: shown, yaml: stringify(shown), events };
}
