// A Kubernetes endpoint on test cluster 1 (its admin token) with an administrator, an operator, a
// viewer and an operator limited to namespace team-a signed in, plus the cluster's own API for
// making changes upstream — for Kubernetes tests, like dockerEndpointWithRoles for Docker.
import { readFileSync } from "node:fs";
import { CoreV1Api, CustomObjectsApi, KubeConfig } from "@kubernetes/client-node";
import { inject } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "./api-client";
import { ADMIN } from "./integration-setup";
import { createUser, grant } from "./seed";

/** The namespace the testenv's restricted user may read, and the namespace-limited operator's. */
export const LIMITED_NAMESPACE = "team-a";

/** client-node against test cluster `index` as its administrator (for changes upstream). */
export function clusterAdminApi(index = 0) {
  const cluster = readTestEnv().kubernetes[index]!;
  const kc = new KubeConfig();
  kc.loadFromFile(cluster.adminKubeconfig);
  return { cluster, kc, core: kc.makeApiClient(CoreV1Api), custom: kc.makeApiClient(CustomObjectsApi) };
}

export async function kubeEndpointWithRoles(name: string, options: { token?: "admin" | "restricted" } = {}) {
  const { cluster } = clusterAdminApi();
  const admin = new ApiClient(inject("appUrl"));
  if (await admin.signIn(ADMIN.email, ADMIN.password)) throw new Error("admin sign-in failed");
  const token = options.token === "restricted" ? cluster.restricted.token : cluster.adminToken;
  const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
    name,
    connection: {
      kind: "kubernetes",
      server: cluster.server,
      ca: readFileSync(cluster.ca, "utf8"),
      auth: { type: "token", token },
    },
  });
  if (created.status !== 201) throw new Error(`creating the endpoint failed: ${created.text}`);
  const endpointId = created.json.endpoint.id;
  const signedIn = async (role: "OPERATOR" | "VIEWER", namespaces: string[] = []) => {
    const user = await createUser();
    await grant({ userId: user.id, endpointId, role, namespaces });
    const client = new ApiClient(inject("appUrl"));
    if (await client.signIn(user.email, user.password)) throw new Error(`${role} sign-in failed`);
    return Object.assign(client, { userId: user.id });
  };
  return {
    cluster,
    endpointId,
    admin,
    operator: await signedIn("OPERATOR"),
    viewer: await signedIn("VIEWER"),
    /** An operator whose grant is limited to namespace team-a. */
    teamAOperator: await signedIn("OPERATOR", [LIMITED_NAMESPACE]),
  };
}
