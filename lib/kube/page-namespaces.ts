// The namespaces a cluster page offers a person: every namespace when their grants are not
// limited (read from the cluster), else the ones their grants name.
import type { Endpoint } from "../db/client";
import { allowedNamespaces, type Subject } from "../rbac/authorize";
import { kubeApi } from "./kube-api";
import { builtInKind } from "./kinds/catalog";
import { listObjects } from "./resources";

export async function namespacesFor(subject: Subject, endpoint: Endpoint): Promise<string[]> {
  const allowed = allowedNamespaces(subject, endpoint.id);
  if (allowed !== "all") return [...allowed].sort();
  const { items } = await listObjects(kubeApi(endpoint), builtInKind("namespaces")!);
  return items.map((n) => n.metadata.name).sort();
}
