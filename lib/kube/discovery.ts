// Custom resources a cluster serves, found by API discovery and described like built-in kinds:
// columns from their CRD's additionalPrinterColumns (what kubectl prints), kept per endpoint for a
// minute so pages do not ask the API server on every request.
import type { Endpoint } from "../db/client";
import type { KubeApi } from "./kube-api";
import { AS_ENDPOINT } from "./impersonation";
import { kubeApi } from "./kube-api";
import { BUILT_IN_KINDS } from "./kinds/catalog";
import { evaluateJsonPath } from "./kinds/json-path";
import { resourceId, type KubeColumn, type KubeKind, type KubeObject } from "./kinds/kind";
import { listObjects } from "./resources";

const TTL_MS = 60_000;
const cache = new Map<string, { at: number; kinds: Promise<KubeKind[]> }>();

interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  priority?: number;
}

interface Crd extends KubeObject {
  spec: {
    group: string;
    scope: "Namespaced" | "Cluster";
    names: { plural: string; kind: string };
    versions: { name: string; served: boolean; storage: boolean; additionalPrinterColumns?: PrinterColumn[] }[];
  };
}

const BUILT_IN_GROUPS = new Set(BUILT_IN_KINDS.map((k) => k.group));

function fromCrd(crd: Crd): KubeKind | null {
  const version = crd.spec.versions.find((v) => v.storage && v.served) ?? crd.spec.versions.find((v) => v.served);
  if (!version) return null;
  const columns: KubeColumn[] = (version.additionalPrinterColumns ?? [])
    .filter((c) => c.jsonPath !== ".metadata.creationTimestamp")
    .map((c) => ({
      header: c.name,
      type: c.type === "date" ? "age" : c.type === "integer" || c.type === "number" ? "number" : "text",
      wide: (c.priority ?? 0) > 0,
      value: (o: KubeObject) => evaluateJsonPath(o, c.jsonPath),
    }));
  columns.push({ header: "Age", type: "age", value: (o) => o.metadata.creationTimestamp ?? null });
  return {
    kind: crd.spec.names.kind,
    title: crd.spec.names.kind.endsWith("s") ? crd.spec.names.kind : `${crd.spec.names.kind}s`,
    group: crd.spec.group,
    version: version.name,
    resource: crd.spec.names.plural,
    namespaced: crd.spec.scope === "Namespaced",
    category: "Custom",
    columns,
    actions: ["delete"],
    custom: true,
  };
}

async function discover(api: KubeApi): Promise<KubeKind[]> {
  const crds = await listObjects(api, BUILT_IN_KINDS.find((k) => k.kind === "CustomResourceDefinition")!);
  return (crds.items as Crd[])
    .filter((c) => !BUILT_IN_GROUPS.has(c.spec.group))
    .map(fromCrd)
    .filter((k): k is KubeKind => k !== null)
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** The custom kinds of a cluster (empty when its CRDs cannot be read with the endpoint's credentials). */
export function customKinds(endpoint: Endpoint): Promise<KubeKind[]> {
  const key = `${endpoint.id}|${endpoint.secret}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.kinds;
  const kinds = discover(kubeApi(endpoint, AS_ENDPOINT)).catch(() => []);
  cache.set(key, { at: Date.now(), kinds });
  return kinds;
}

export async function customKind(endpoint: Endpoint, id: string): Promise<KubeKind | undefined> {
  return (await customKinds(endpoint)).find((k) => resourceId(k) === id);
}
