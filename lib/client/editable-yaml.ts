// The YAML a person edits: the object without what the API server owns (status, bookkeeping), so
// applying it back claims only the fields they meant to set.
import { stringify } from "yaml";
import type { KubeObject } from "../kube/kinds/kind";

export function editableYaml(object: KubeObject): string {
  const { status: _, ...rest } = object;
  const {
    managedFields: _m,
    resourceVersion: _r,
    uid: _u,
    creationTimestamp: _c,
    generation: _g,
    ...metadata
  } = object.metadata;
  return stringify({ ...rest, metadata });
}
