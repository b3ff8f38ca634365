// The namespaces a cluster page offers a person: every namespace when their grants are not
// limited (from the watch cache), else the ones their grants name.
import type { Endpoint } from "../db/client";
import { allowedNamespaces, type Subject } from "../rbac/authorize";
import { cachedObjects } from "./cached-objects";
import { builtInKind } from "./kinds/catalog";

export async function namespacesFor(subject: Subject, endpoint: Endpoint): Promise<string[]> {
  const allowed = allowedNamespaces(subject, endpoint.id);
  if (allowed !== "all") return [...allowed].sort();
  return (await cachedObjects(endpoint, builtInKind("namespaces")!)).map((n) => n.metadata.name).sort();
}
