// Every action the dashboard performs, and the least endpoint role that may perform it.
// "admin" actions are for global administrators only.
export type EndpointRole = "ENDPOINT_ADMIN" | "OPERATOR" | "VIEWER";

export const ROLE_RANK: Record<EndpointRole, number> = { VIEWER: 1, OPERATOR: 2, ENDPOINT_ADMIN: 3 };

export const ACTIONS = {
  // Global administration
  "endpoint.create": "admin",
  "endpoint.update": "admin",
  "endpoint.delete": "admin",
  "user.manage": "admin",
  "audit.read": "admin",
  // On one endpoint
  "endpoint.view": "VIEWER",
  "endpoint.test": "VIEWER",
  "resource.read": "VIEWER",
  "logs.read": "VIEWER",
  "workload.lifecycle": "OPERATOR",
  // Environment variable values of containers (VIEWERs see the names only).
  "workload.env": "OPERATOR",
  "workload.exec": "OPERATOR",
  "resource.write": "ENDPOINT_ADMIN",
  "resource.delete": "ENDPOINT_ADMIN",
  "secret.read": "ENDPOINT_ADMIN",
  // The audit rows of one endpoint (audit.read is every row).
  "endpoint.audit": "ENDPOINT_ADMIN",
} as const satisfies Record<string, EndpointRole | "admin">;

export type Action = keyof typeof ACTIONS;

/**
 * Actions about the endpoint itself rather than something in one namespace: any grant on the
 * endpoint that holds the role covers them, also one limited to some namespaces.
 */
export const ENDPOINT_LEVEL_ACTIONS: ReadonlySet<Action> = new Set<Action>(["endpoint.view", "endpoint.test"]);
