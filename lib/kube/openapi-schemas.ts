// The cluster's own OpenAPI v3 documents (one per group/version, as the API server publishes them
// at /openapi/v3): the schemas YAML is checked against before anything is sent. The index is kept
// per endpoint for a minute; documents are content-addressed (their URL carries a hash), so they
// are shared by endpoints serving the same one, and only a few are kept (each is ~0.5–1 MB).
import type { Endpoint } from "../db/client";
import { UpstreamError } from "../endpoints/upstream-error";
import { AS_ENDPOINT } from "./impersonation";
import { kubeApi, type KubeApi } from "./kube-api";

export interface OpenApiDocument {
  /** The URL it came from (with its content hash): a stable key for what is compiled from it. */
  url: string;
  components: { schemas: Record<string, Record<string, unknown>> };
}

type Index = { paths: Record<string, { serverRelativeURL: string }> } | null;

const INDEX_TTL_MS = 60_000;
const MAX_DOCUMENTS = 6;
const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;
const indexes = new Map<string, { at: number; index: Promise<Index> }>();
const documents = new Map<string, Promise<OpenApiDocument | null>>();

/** A cluster that does not publish OpenAPI v3 (before 1.27, or no access) is simply not checked. */
const orNull = <T>(promise: Promise<T>) =>
  promise.catch((error: unknown) => {
    if (error instanceof UpstreamError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  });

function indexOf(endpoint: Endpoint, api: KubeApi): Promise<Index> {
  const key = `${endpoint.id}|${endpoint.secret}`;
  const hit = indexes.get(key);
  if (hit && Date.now() - hit.at < INDEX_TTL_MS) return hit.index;
  const index = orNull(api<NonNullable<Index>>({ path: "/openapi/v3" }));
  index.catch(() => indexes.delete(key));
  indexes.set(key, { at: Date.now(), index });
  return index;
}

/** The OpenAPI v3 document of `group`/`version` on this cluster, or null when it publishes none. */
export async function openApiDocument(
  endpoint: Endpoint,
  group: string,
  version: string,
): Promise<OpenApiDocument | null> {
  const api = kubeApi(endpoint, AS_ENDPOINT);
  const index = await indexOf(endpoint, api);
  const url = index?.paths[group ? `apis/${group}/${version}` : `api/${version}`]?.serverRelativeURL;
  if (!url) return null;
  let document = documents.get(url);
  if (document) {
    documents.delete(url); // most recently used last
  } else {
    document = orNull(api<Omit<OpenApiDocument, "url">>({ path: url, maxBytes: MAX_DOCUMENT_BYTES })).then((doc) =>
      doc?.components?.schemas ? { url, components: doc.components } : null,
    );
    document.catch(() => documents.delete(url));
  }
  documents.set(url, document);
  while (documents.size > MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
  return document;
}
