// Who reads which audit rows: administrators all, endpoint administrators their endpoints' rows
// (also through an every-endpoint grant), operators and viewers none.
import { describe, expect, it } from "vitest";
import { auditScopeOf } from "@/lib/audit/audit-access";
import type { Grant, Subject } from "@/lib/rbac/authorize";

const subject = (grants: Grant[], isAdmin = false): Subject => ({ userId: "u", email: "u@x", isAdmin, grants });
const grant = (endpointId: string | null, role: Grant["role"]): Grant => ({ endpointId, role, namespaces: [] });

describe("auditScopeOf", () => {
  const endpoints = ["e1", "e2", "e3"];

  it("gives administrators every row", () => {
    expect(auditScopeOf(subject([], true), endpoints)).toEqual({ all: true });
  });

  it("gives endpoint administrators the rows of the endpoints they administer", () => {
    const s = subject([grant("e1", "ENDPOINT_ADMIN"), grant("e2", "VIEWER"), grant("e3", "OPERATOR")]);
    expect(auditScopeOf(s, endpoints)).toEqual({ all: false, endpointIds: ["e1"] });
    expect(auditScopeOf(subject([grant(null, "ENDPOINT_ADMIN")]), endpoints)).toEqual({
      all: false,
      endpointIds: endpoints,
    });
  });

  it("gives operators and viewers nothing", () => {
    expect(auditScopeOf(subject([grant("e1", "OPERATOR"), grant(null, "VIEWER")]), endpoints)).toBeNull();
    expect(auditScopeOf(subject([]), endpoints)).toBeNull();
  });
});
