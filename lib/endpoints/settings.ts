// An endpoint's non-secret settings, kept as JSON beside its sealed target: changing one never
// needs the credentials again.
import type { Endpoint } from "../db/client";

export interface EndpointSettings {
  /** The kubeconfig context an endpoint was imported from. */
  context?: string;
  /** Docker: containers created here may bind-mount host paths (an administrator's choice). */
  allowHostBinds?: boolean;
  /**
   * Kubernetes: requests made for one person carry Impersonate-User / Impersonate-Group, so the
   * cluster's RBAC decides and its audit log names the person (lib/kube/impersonation.ts).
   */
  impersonate?: boolean;
}

export const endpointSettings = (endpoint: Endpoint): EndpointSettings => (endpoint.settings ?? {}) as EndpointSettings;
