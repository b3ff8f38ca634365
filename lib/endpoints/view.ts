// The public shape of an endpoint: everything but its credentials.
import type { Endpoint } from "../db/client";
import { endpointSettings } from "./settings";

export interface EndpointView {
  id: string;
  name: string;
  kind: "DOCKER" | "KUBERNETES";
  url: string;
  authKind: string;
  tlsVerify: boolean;
  tags: string[];
  status: "UNKNOWN" | "UP" | "DOWN";
  version: string | null;
  lastError: string | null;
  lastCheckedAt: string | null;
  sshHostKey: string | null;
  hasCredentials: boolean;
  context: string | null;
  allowHostBinds: boolean;
  /** Kubernetes: requests made for a person carry their identity (Impersonate-User / -Group). */
  impersonate: boolean;
}

export function toEndpointView(endpoint: Endpoint): EndpointView {
  const settings = endpointSettings(endpoint);
  return {
    id: endpoint.id,
    name: endpoint.name,
    kind: endpoint.kind,
    url: endpoint.url,
    authKind: endpoint.authKind,
    tlsVerify: endpoint.tlsVerify,
    tags: endpoint.tags,
    status: endpoint.status,
    version: endpoint.version,
    lastError: endpoint.lastError,
    lastCheckedAt: endpoint.lastCheckedAt?.toISOString() ?? null,
    sshHostKey: endpoint.sshHostKey,
    hasCredentials: endpoint.secret !== null,
    context: settings.context ?? null,
    allowHostBinds: settings.allowHostBinds ?? false,
    impersonate: settings.impersonate ?? false,
  };
}
