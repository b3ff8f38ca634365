// Test cluster `index` as a connection target with its administrator's token: for endpoints made
// by tests and for changes made straight on the API server (raw-request), beside the dashboard.
import { readFileSync } from "node:fs";
import { readTestEnv } from "../../scripts/testenv/state";

export function adminTarget(index = 0) {
  const cluster = readTestEnv().kubernetes[index]!;
  return {
    kind: "kubernetes" as const,
    server: cluster.server,
    ca: readFileSync(cluster.ca, "utf8"),
    insecureSkipTlsVerify: false,
    auth: { type: "token" as const, token: cluster.adminToken },
  };
}
