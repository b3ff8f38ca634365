import { describe, expect, it } from "vitest";
import { ACTIONS, type Action, type EndpointRole } from "@/lib/rbac/actions";
import { allowedNamespaces, authorize, roleOn, visibleEndpointIds, type Subject } from "@/lib/rbac/authorize";

const subject = (grants: Subject["grants"], isAdmin = false): Subject => ({
  userId: "u",
  email: "u@x",
  isAdmin,
  grants,
});
const on = (role: EndpointRole, namespaces: string[] = []) => subject([{ endpointId: "e1", role, namespaces }]);
const allowed = (s: Subject, action: Action, namespace?: string) =>
  authorize(s, action, { endpointId: "e1", namespace }).allowed;

describe("authorize", () => {
  it("lets a global administrator do everything", () => {
    for (const action of Object.keys(ACTIONS) as Action[])
      expect(authorize(subject([], true), action, { endpointId: "any" }).allowed).toBe(true);
  });

  it("gives each role exactly its actions", () => {
    const expected: Record<EndpointRole, Action[]> = {
      VIEWER: ["endpoint.view", "endpoint.test", "resource.read", "logs.read"],
      OPERATOR: [
        "endpoint.view",
        "endpoint.test",
        "resource.read",
        "logs.read",
        "workload.lifecycle",
        "workload.env",
        "workload.exec",
      ],
      ENDPOINT_ADMIN: [
        "endpoint.view",
        "endpoint.test",
        "resource.read",
        "logs.read",
        "workload.lifecycle",
        "workload.env",
        "workload.exec",
        "resource.write",
        "resource.delete",
        "secret.read",
        "endpoint.audit",
      ],
    };
    for (const role of Object.keys(expected) as EndpointRole[]) {
      const granted = (Object.keys(ACTIONS) as Action[]).filter((a) => allowed(on(role), a));
      expect(granted.sort()).toEqual(expected[role].sort());
    }
  });

  it("keeps global administration for administrators, whatever the endpoint role", () => {
    for (const action of ["endpoint.create", "endpoint.update", "endpoint.delete", "user.manage"] as Action[]) {
      expect(authorize(on("ENDPOINT_ADMIN"), action, { endpointId: "e1" })).toEqual({
        allowed: false,
        reason: "forbidden",
      });
    }
  });

  it("hides endpoints without a grant", () => {
    expect(authorize(on("ENDPOINT_ADMIN"), "endpoint.view", { endpointId: "e2" })).toEqual({
      allowed: false,
      reason: "not-visible",
    });
    expect(authorize(on("VIEWER"), "endpoint.delete", { endpointId: "e2" })).toEqual({
      allowed: false,
      reason: "not-visible",
    });
    expect(visibleEndpointIds(on("VIEWER"), ["e1", "e2"])).toEqual(["e1"]);
  });

  it("limits namespaced grants to their namespaces", () => {
    const s = on("OPERATOR", ["team-a"]);
    expect(allowed(s, "workload.lifecycle", "team-a")).toBe(true);
    expect(allowed(s, "workload.lifecycle", "team-b")).toBe(false);
    expect(allowed(s, "resource.read")).toBe(false); // cluster-wide read needs an all-namespaces grant
    expect(allowedNamespaces(s, "e1")).toEqual(["team-a"]);
  });

  it("lets a namespace-limited grant see and test the endpoint itself", () => {
    const s = on("VIEWER", ["team-a"]);
    expect(allowed(s, "endpoint.view")).toBe(true);
    expect(allowed(s, "endpoint.test")).toBe(true);
    expect(allowed(s, "logs.read")).toBe(false);
  });

  it("combines grants: the best matching one wins; an all-endpoints grant covers any endpoint", () => {
    const s = subject([
      { endpointId: "e1", role: "VIEWER", namespaces: [] },
      { endpointId: null, role: "OPERATOR", namespaces: ["ops"] },
    ]);
    expect(allowed(s, "workload.exec", "ops")).toBe(true);
    expect(allowed(s, "workload.exec", "web")).toBe(false);
    expect(allowed(s, "logs.read", "web")).toBe(true);
    expect(authorize(s, "resource.read", { endpointId: "e9", namespace: "ops" }).allowed).toBe(true);
    expect(roleOn(s, "e1")).toBe("OPERATOR");
  });
});
