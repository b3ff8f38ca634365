// For server-rendered endpoint pages: the endpoint if the signed-in user may see it (else 404),
// their access to it (for `can`), and a helper that runs an upstream read and turns failure into plain words.
import { notFound } from "next/navigation";
import type { Endpoint } from "../db/client";
import { getVisibleEndpoint } from "../endpoints/registry";
import { describeUpstreamError } from "../endpoints/upstream-error";
import { HttpError } from "../errors";
import { roleOn, type Subject } from "../rbac/authorize";
import type { EndpointAccess } from "../rbac/can";
import { SecretError } from "../secrets/crypto";
import { requirePageSubject } from "./page-subject";

export async function requirePageEndpoint(
  id: string,
): Promise<{ subject: Subject; endpoint: Endpoint; access: EndpointAccess }> {
  const subject = await requirePageSubject();
  const endpoint = await getVisibleEndpoint(subject, id).catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  });
  return { subject, endpoint, access: { role: roleOn(subject, endpoint.id), isAdmin: subject.isAdmin } };
}

export async function readUpstream<T>(
  endpoint: Endpoint,
  read: () => Promise<T>,
): Promise<{ data: T } | { error: string }> {
  try {
    return { data: await read() };
  } catch (error) {
    if (error instanceof SecretError || error instanceof HttpError) return { error: error.message };
    return { error: describeUpstreamError(error, endpoint.name).message };
  }
}
