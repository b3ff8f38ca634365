// From the resource id in a dashboard URL ("deployments.apps", "widgets.fleetdeck.test") to its
// descriptor: a built-in kind, or a custom resource the cluster serves.
import type { Endpoint } from "../db/client";
import { notFound } from "../errors";
import { customKind } from "./discovery";
import { builtInKind } from "./kinds/catalog";
import type { KubeKind } from "./kinds/kind";

export async function findKind(endpoint: Endpoint, resourceId: string): Promise<KubeKind | undefined> {
  return builtInKind(resourceId) ?? (await customKind(endpoint, resourceId));
}

export async function resolveKind(endpoint: Endpoint, resourceId: string): Promise<KubeKind> {
  const kind = await findKind(endpoint, resourceId);
  if (!kind) throw notFound(`no resource "${resourceId}" on this cluster`);
  return kind;
}
