// Server-side apply of YAML a person wrote: parsed into documents, each matched to a kind the
// cluster serves, then PATCHed as "fleetdeck" so the API server merges, validates and reports
// conflicts with other field managers in its own words.
import { isMap, isNode, isScalar, isSeq, LineCounter, parseAllDocuments, stringify } from "yaml";
import { UpstreamError } from "../endpoints/upstream-error";
import { badRequest } from "../errors";
import type { KubeApi } from "./kube-api";
import { resourcePath, type KubeKind, type KubeObject } from "./kinds/kind";
import { withoutManagedFields } from "./resources";
import { maskSecret } from "./secret-values";

export const FIELD_MANAGER = "fleetdeck";

export interface ApplyDocument {
  kind: KubeKind;
  name: string;
  /** Undefined for cluster-scoped kinds. */
  namespace: string | undefined;
  object: Record<string, unknown>;
  /** The line (1-based) of a place in the document, for problems found before sending. */
  lineOf(segments: string[]): number | undefined;
}

export interface ApplyResult {
  kind: string;
  name: string;
  namespace: string | null;
  before: string | null;
  after: string;
  changed: boolean;
}

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } };
export type ParsedManifest = { manifest: Manifest; lineOf(segments: string[]): number | undefined };

/** The documents of a YAML text (empty ones skipped); a syntax error is a 400 naming its line. */
export function parseManifests(text: string): ParsedManifest[] {
  const manifests: ParsedManifest[] = [];
  const lines = new LineCounter();
  for (const [index, doc] of parseAllDocuments(text, { lineCounter: lines }).entries()) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line;
      throw badRequest(`YAML error${line ? ` on line ${line}` : ""}: ${error.message.split("\n")[0]}`);
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    const where = `document ${index + 1}`;
    if (typeof value !== "object" || Array.isArray(value)) throw badRequest(`${where} is not a mapping`);
    const m = value as Partial<Manifest>;
    if (typeof m.apiVersion !== "string" || !m.apiVersion) throw badRequest(`${where} has no apiVersion`);
    if (typeof m.kind !== "string" || !m.kind) throw badRequest(`${where} has no kind`);
    if (typeof m.metadata?.name !== "string" || !m.metadata.name)
      throw badRequest(`${where} (${m.kind}) has no metadata.name`);
    if (m.metadata.namespace !== undefined && typeof m.metadata.namespace !== "string")
      throw badRequest(`${where} (${m.kind} ${m.metadata.name}): metadata.namespace must be a string`);
    // The line of a field's key (of an item, in a list); a missing field is reported at the
    // deepest place on its way that exists.
    const lineOf = (segments: string[]) => {
      for (let n = segments.length; n > 0; n--) {
        const parent = n === 1 ? doc.contents : doc.getIn(segments.slice(0, n - 1), true);
        const last = segments[n - 1]!;
        const node = isMap(parent)
          ? parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === last)?.key
          : isSeq(parent)
            ? parent.items[Number(last)]
            : undefined;
        if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
      }
      return isNode(doc.contents) && doc.contents.range ? lines.linePos(doc.contents.range[0]).line : undefined;
    };
    manifests.push({ manifest: m as Manifest, lineOf });
  }
  if (!manifests.length) throw badRequest("the YAML holds no object");
  return manifests;
}

const MASKED = /^\(\d+ bytes, hidden\)$/;

/** Matches each manifest to a kind (by kind and API group; the manifest's version is the one used). */
export function resolveManifests(manifests: ParsedManifest[], kinds: KubeKind[]): ApplyDocument[] {
  return manifests.map(({ manifest: m, lineOf }) => {
    const [group, version] = m.apiVersion.includes("/") ? m.apiVersion.split("/", 2) : ["", m.apiVersion];
    const known = kinds.find((k) => k.kind === m.kind && k.group === group);
    if (!known) throw badRequest(`${m.kind} (${m.apiVersion}) is not a kind this cluster serves`);
    // The dashboard shows a Secret's values as sizes: applying those would overwrite the real ones.
    const data = (m as { data?: Record<string, unknown> }).data;
    if (m.kind === "Secret" && Object.values(data ?? {}).some((v) => typeof v === "string" && MASKED.test(v)))
      throw badRequest(`Secret ${m.metadata.name}: its values are hidden placeholders; give the real values`);
    return {
      kind: { ...known, version: version! },
      name: m.metadata.name,
      // kubectl's convention: a namespaced object without a namespace goes to "default".
      namespace: known.namespaced ? (m.metadata.namespace ?? "default") : undefined,
      object: m as unknown as Record<string, unknown>,
      lineOf,
    };
  });
}

/** What a person compares: no bookkeeping that changes on every write. */
function comparable(object: KubeObject): string {
  const { resourceVersion: _r, generation: _g, managedFields: _m, ...metadata } = object.metadata;
  return stringify({ ...object, metadata });
}

/** The document as people read it: secrets masked, bookkeeping gone. */
const shown = (object: KubeObject, kind: string) => stringify(maskSecret(withoutManagedFields(object), kind));

export async function applyDocument(
  api: KubeApi,
  doc: ApplyDocument,
  options: { dryRun?: boolean; force?: boolean },
): Promise<ApplyResult> {
  const path = resourcePath(doc.kind, { namespace: doc.namespace, name: doc.name });
  const before = await api<KubeObject>({ path }).catch((error: unknown) => {
    if (error instanceof UpstreamError && error.status === 404) return null;
    throw error;
  });
  const after = await api<KubeObject>({
    method: "PATCH",
    path,
    // YAML is a superset of JSON: the parsed document goes as JSON, one object per request.
    body: JSON.stringify(doc.object),
    contentType: "application/apply-patch+yaml",
    query: {
      fieldManager: FIELD_MANAGER,
      // Unknown fields are refused in the API server's words too (the schema check runs first).
      fieldValidation: "Strict",
      force: options.force ? true : undefined,
      dryRun: options.dryRun ? "All" : undefined,
    },
  });
  const beforeClean = before && withoutManagedFields(before);
  const afterClean = withoutManagedFields(after);
  return {
    kind: doc.kind.kind,
    name: doc.name,
    namespace: doc.namespace ?? null,
    before: beforeClean ? shown(beforeClean, doc.kind.kind) : null,
    after: shown(afterClean, doc.kind.kind),
    changed: !beforeClean || comparable(beforeClean) !== comparable(afterClean),
  };
}
