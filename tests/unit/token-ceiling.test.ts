import { describe, expect, it } from "vitest";
import { authorize, roleIn, roleOn, visibleEndpointIds, type Subject } from "@/lib/rbac/authorize";
import { capSubject } from "@/lib/rbac/ceiling";

const user = (grants: Subject["grants"], isAdmin = false): Subject => ({ userId: "u", email: "u@x", isAdmin, grants });

describe("an API token's ceiling", () => {
  it("keeps a read-only token of an operator to reads", () => {
    const token = capSubject(user([{ endpointId: "e1", role: "OPERATOR", namespaces: [] }]), "VIEWER");
    expect(authorize(token, "resource.read", { endpointId: "e1" }).allowed).toBe(true);
    expect(authorize(token, "workload.lifecycle", { endpointId: "e1" })).toEqual({
      allowed: false,
      reason: "forbidden",
    });
    expect(roleOn(token, "e1")).toBe("VIEWER");
  });

  it("never raises a token above its user, and keeps namespace limits", () => {
    const token = capSubject(user([{ endpointId: "e1", role: "VIEWER", namespaces: ["team-a"] }]), "ENDPOINT_ADMIN");
    expect(roleIn(token, "e1", "team-a")).toBe("VIEWER");
    expect(roleIn(token, "e1", "team-b")).toBeNull();
    expect(visibleEndpointIds(token, ["e1", "e2"])).toEqual(["e1"]);
  });

  it("makes an administrator's token an endpoint role everywhere, never an administrator", () => {
    const token = capSubject(user([], true), "OPERATOR");
    expect(authorize(token, "workload.lifecycle", { endpointId: "any" }).allowed).toBe(true);
    expect(authorize(token, "resource.delete", { endpointId: "any" }).allowed).toBe(false);
    expect(authorize(token, "endpoint.create").allowed).toBe(false);
    expect(authorize(token, "user.manage").allowed).toBe(false);
  });

  it("leaves a token without a ceiling with its user's full access", () => {
    const admin = user([], true);
    expect(capSubject(admin, null)).toBe(admin);
  });
});
