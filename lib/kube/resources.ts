// Generic reads and deletes of any kind through its descriptor's API path: the same code for a
// Deployment, a Node or a custom resource.
import type { KubeApi } from "./kube-api";
import { resourcePath, type KubeObject, type KubeResourceRef } from "./kinds/kind";

const PAGE_SIZE = 500;
const LIST_PAGE_MAX_BYTES = 64 * 1024 * 1024;

/** managedFields are bookkeeping of server-side apply: large, and of no use to a person reading. */
export function withoutManagedFields<T extends KubeObject>(object: T): T {
  if (!object.metadata?.managedFields) return object;
  const { managedFields: _, ...metadata } = object.metadata;
  return { ...object, metadata: metadata as T["metadata"] };
}

/** Every object of a resource (one namespace, or all), read in pages of PAGE_SIZE. */
export async function listObjects(
  api: KubeApi,
  ref: KubeResourceRef,
  options: { namespace?: string | null; labelSelector?: string; fieldSelector?: string } = {},
): Promise<{ items: KubeObject[]; resourceVersion: string }> {
  const items: KubeObject[] = [];
  let next: string | undefined;
  let resourceVersion = "";
  do {
    const page = await api<{ items: KubeObject[]; metadata: { continue?: string; resourceVersion: string } }>({
      path: resourcePath(ref, { namespace: options.namespace ?? undefined }),
      query: {
        limit: PAGE_SIZE,
        continue: next,
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
      },
      maxBytes: LIST_PAGE_MAX_BYTES,
    });
    for (const item of page.items) items.push(withoutManagedFields(item));
    next = page.metadata.continue || undefined;
    resourceVersion = page.metadata.resourceVersion;
  } while (next);
  return { items, resourceVersion };
}

export async function readObject(
  api: KubeApi,
  ref: KubeResourceRef,
  name: string,
  namespace?: string,
): Promise<KubeObject> {
  return withoutManagedFields(await api<KubeObject>({ path: resourcePath(ref, { namespace, name }) }));
}

export type PropagationPolicy = "Foreground" | "Background" | "Orphan";

export async function deleteObject(
  api: KubeApi,
  ref: KubeResourceRef,
  name: string,
  options: { namespace?: string; propagationPolicy?: PropagationPolicy } = {},
): Promise<void> {
  await api({
    method: "DELETE",
    path: resourcePath(ref, { namespace: options.namespace, name }),
    body: { kind: "DeleteOptions", apiVersion: "v1", propagationPolicy: options.propagationPolicy ?? "Background" },
  });
}

/** A JSON merge patch (for the small changes actions make: replicas, annotations, flags). */
export async function mergePatch(
  api: KubeApi,
  ref: KubeResourceRef,
  name: string,
  namespace: string | undefined,
  patch: unknown,
): Promise<KubeObject> {
  return withoutManagedFields(
    await api<KubeObject>({
      method: "PATCH",
      path: resourcePath(ref, { namespace, name }),
      body: patch,
      contentType: "application/merge-patch+json",
      query: { fieldManager: "fleetdeck" },
    }),
  );
}
