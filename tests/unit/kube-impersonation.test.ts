// Impersonation headers as an API server receives them: one Impersonate-Group line per team, from
// the generated API clients (whose request context keeps one string per header) and from Watch
// (fetch), against a local HTTP server that records the raw header lines.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { CoreV1Api, KubeConfig, Watch } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { impersonating } from "@/lib/endpoints/impersonating-kube-config";
import { impersonationHeaders, TEAM_GROUP_PREFIX } from "@/lib/kube/impersonation";

const seen: string[][] = [];
const server = http.createServer((request, response) => {
  seen.push(request.rawHeaders);
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "ns" } }));
});

/** The values of one header, line by line, as the last request sent it. */
const lines = (name: string) => {
  const raw = seen.at(-1) ?? [];
  return raw.filter((_, i) => i % 2 === 1 && raw[i - 1]!.toLowerCase() === name.toLowerCase());
};

function kubeConfig(): KubeConfig {
  const kc = new KubeConfig();
  const { port } = server.address() as AddressInfo;
  kc.loadFromOptions({
    clusters: [{ name: "c", server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: "u", token: "endpoint-token" }],
    contexts: [{ name: "x", cluster: "c", user: "u" }],
    currentContext: "x",
  });
  impersonating(kc, async () => ({ user: "ada@example.test", groups: ["fleetdeck:ops", "fleetdeck:web"] }));
  return kc;
}

beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve)));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("impersonation headers", () => {
  it("name the person, and their teams only when they have some", () => {
    expect(impersonationHeaders({ user: "a@b.c", groups: [] })).toEqual({ "Impersonate-User": "a@b.c" });
    expect(impersonationHeaders({ user: "a@b.c", groups: [`${TEAM_GROUP_PREFIX}x`] })).toEqual({
      "Impersonate-User": "a@b.c",
      "Impersonate-Group": ["fleetdeck:x"],
    });
  });

  it("reach the API server one group per line from a generated API client", async () => {
    await kubeConfig().makeApiClient(CoreV1Api).readNamespacedPod({ name: "p", namespace: "ns" });
    expect(lines("Impersonate-User")).toEqual(["ada@example.test"]);
    expect(lines("Impersonate-Group")).toEqual(["fleetdeck:ops", "fleetdeck:web"]);
    // The endpoint's own credentials still authenticate the request.
    expect(lines("Authorization")).toEqual(["Bearer endpoint-token"]);
  });

  it("reach the API server one group per line from a watch", async () => {
    await new Promise<void>((resolve, reject) => {
      void new Watch(kubeConfig())
        .watch(
          "/api/v1/pods",
          {},
          () => {},
          () => resolve(),
        )
        .catch(reject);
    });
    expect(lines("Impersonate-User")).toEqual(["ada@example.test"]);
    expect(lines("Impersonate-Group")).toEqual(["fleetdeck:ops", "fleetdeck:web"]);
  });
});
