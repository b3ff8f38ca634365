// Creating, changing, listing and removing endpoints. Credentials go in encrypted and never come
// out of here except as a decrypted target for the connection factory.
import { randomUUID } from "node:crypto";
import { db, Prisma, type Endpoint } from "../db/client";
import { badRequest, conflict, notFound } from "../errors";
import { visibleEndpointIds, type Subject } from "../rbac/authorize";
import { endpointSettings } from "./settings";
import { connectionInputSchema, type CreateEndpointInput, type EndpointChange } from "./input";
import { resolveTarget } from "./resolve-target";
import { openTarget, sealTarget } from "./sealed-target";
import { displayAddress } from "./target";
import { toEndpointView, type EndpointView } from "./view";

function uniqueName<T>(promise: Promise<T>, name: string): Promise<T> {
  return promise.catch((error: unknown) => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw conflict(`an endpoint named "${name}" already exists`);
    }
    throw error;
  });
}

/** Impersonation is a Kubernetes notion: asking for it on a Docker engine is a mistake. */
function checkImpersonation(kind: Endpoint["kind"], impersonate: boolean | undefined): void {
  if (impersonate && kind !== "KUBERNETES") throw badRequest("impersonation is for Kubernetes endpoints only");
}

export async function createEndpoint(input: CreateEndpointInput): Promise<Endpoint> {
  const { target, authKind, context } = resolveTarget(input.connection);
  const kind = target.kind === "docker" ? "DOCKER" : "KUBERNETES";
  checkImpersonation(kind, input.impersonate);
  const id = randomUUID();
  return uniqueName(
    db().endpoint.create({
      data: {
        id,
        name: input.name,
        kind,
        url: displayAddress(target),
        authKind,
        secret: sealTarget(id, target),
        tlsVerify: input.tlsVerify,
        tags: input.tags,
        settings: { ...(context ? { context } : {}), ...(input.impersonate ? { impersonate: true } : {}) },
      },
    }),
    input.name,
  );
}

const SECRET_FIELDS = ["privateKey", "passphrase", "token", "cert", "key", "ca", "tls", "auth", "kubeconfig"];
/** What says which server a target reaches: a change of any of these is a new server. */
const ADDRESS_FIELDS = ["socketPath", "host", "port", "server", "username"];

const sameValue = (a: unknown, b: unknown) => String(a ?? "").trim() === String(b ?? "").trim();

/**
 * A changed connection may leave secret fields out to keep the stored ones, as long as it is
 * the same kind and transport, to the same server, as before. Stored credentials are never sent
 * to a new address: whoever changes the address must enter them again.
 */
function mergeKeptSecrets(endpoint: Endpoint, connection: Record<string, unknown>): unknown {
  let previous: Record<string, unknown>;
  try {
    previous = openTarget(endpoint) as unknown as Record<string, unknown>;
  } catch {
    return connection; // nothing readable to keep; the new input must be complete
  }
  const sameShape = previous.kind === connection.kind && previous.transport === connection.transport;
  if (!sameShape) return connection;
  const kept = SECRET_FIELDS.filter((f) => connection[f] === undefined && previous[f] !== undefined);
  if (kept.length === 0) return connection;
  const moved = ADDRESS_FIELDS.filter((f) => f in connection && !sameValue(connection[f], previous[f]));
  if (moved.length > 0)
    throw badRequest(
      `the address changed (${moved.join(", ")}): enter the credentials again (${kept.join(", ")}); ` +
        "stored credentials are never sent to a new server",
    );
  const merged = { ...connection };
  for (const field of kept) merged[field] = previous[field];
  return merged;
}

export async function updateEndpoint(endpoint: Endpoint, change: EndpointChange): Promise<Endpoint> {
  const data: Prisma.EndpointUpdateInput = {};
  if (change.name !== undefined) data.name = change.name;
  if (change.tags !== undefined) data.tags = change.tags;
  if (change.tlsVerify !== undefined) data.tlsVerify = change.tlsVerify;
  if (change.forgetSshHostKey) data.sshHostKey = null;
  let kind = endpoint.kind;
  const settings = { ...endpointSettings(endpoint) };
  if (change.allowHostBinds !== undefined) settings.allowHostBinds = change.allowHostBinds;
  if (change.impersonate !== undefined) settings.impersonate = change.impersonate;
  if (change.connection) {
    const connection = connectionInputSchema.parse(mergeKeptSecrets(endpoint, change.connection));
    const { target, authKind, context } = resolveTarget(connection);
    data.kind = kind = target.kind === "docker" ? "DOCKER" : "KUBERNETES";
    data.url = displayAddress(target);
    data.authKind = authKind;
    data.secret = sealTarget(endpoint.id, target);
    settings.context = context;
    data.status = "UNKNOWN";
    // A new address means a new host: its key is recorded afresh.
    if (data.url !== endpoint.url) data.sshHostKey = null;
  }
  checkImpersonation(kind, change.impersonate);
  if (kind !== "KUBERNETES") delete settings.impersonate;
  data.settings = JSON.parse(JSON.stringify(settings)) as Prisma.InputJsonObject;
  return uniqueName(db().endpoint.update({ where: { id: endpoint.id }, data }), change.name ?? endpoint.name);
}

export async function deleteEndpoint(endpoint: Endpoint): Promise<void> {
  await db().endpoint.delete({ where: { id: endpoint.id } });
}

/** The endpoint if the subject may see it; otherwise 404, whether or not it exists. */
export async function getVisibleEndpoint(subject: Subject, id: string): Promise<Endpoint> {
  const endpoint = await db().endpoint.findUnique({ where: { id } });
  if (!endpoint || visibleEndpointIds(subject, [endpoint.id]).length === 0) throw notFound("endpoint not found");
  return endpoint;
}

export async function listVisibleEndpoints(subject: Subject): Promise<EndpointView[]> {
  return visibleEndpointViews(subject, await db().endpoint.findMany({ orderBy: { name: "asc" } }));
}

/** The rows (as read once for many people) that `subject` may see, as views. */
export function visibleEndpointViews(subject: Subject, all: Endpoint[]): EndpointView[] {
  const visible = new Set(
    visibleEndpointIds(
      subject,
      all.map((e) => e.id),
    ),
  );
  return all.filter((e) => visible.has(e.id)).map(toEndpointView);
}
