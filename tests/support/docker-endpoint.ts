// An engine-1 endpoint with an administrator, an operator and a viewer signed in, for Docker tests.
import { inject } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "./api-client";
import { ADMIN } from "./integration-setup";
import { createUser, grant } from "./seed";

export async function dockerEndpointWithRoles(name: string) {
  const env = readTestEnv();
  const admin = new ApiClient(inject("appUrl"));
  if (await admin.signIn(ADMIN.email, ADMIN.password)) throw new Error("admin sign-in failed");
  const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
    name,
    connection: { kind: "docker", transport: "socket", socketPath: env.docker[0]!.socketPath },
  });
  const endpointId = created.json.endpoint.id;
  const signedIn = async (role: "OPERATOR" | "VIEWER") => {
    const user = await createUser();
    await grant({ userId: user.id, endpointId, role });
    const client = new ApiClient(inject("appUrl"));
    if (await client.signIn(user.email, user.password)) throw new Error(`${role} sign-in failed`);
    return client;
  };
  return { env, endpointId, admin, operator: await signedIn("OPERATOR"), viewer: await signedIn("VIEWER") };
}
