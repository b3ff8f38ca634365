// The UI's `can` and the server's `authorize` answer from one table: they must agree everywhere.
import { describe, expect, it } from "vitest";
import { ACTIONS, type Action, type EndpointRole } from "@/lib/rbac/actions";
import { authorize, roleOn, type Subject } from "@/lib/rbac/authorize";
import { can } from "@/lib/rbac/can";

const subjects: Subject[] = [
  ...(["VIEWER", "OPERATOR", "ENDPOINT_ADMIN"] as EndpointRole[]).map((role) => ({
    userId: role,
    email: "u@x",
    isAdmin: false,
    grants: [{ endpointId: "e1", role, namespaces: [] }],
  })),
  { userId: "admin", email: "a@x", isAdmin: true, grants: [] },
];

describe("can", () => {
  it("agrees with authorize for every role and action on a visible endpoint", () => {
    for (const subject of subjects) {
      const access = { role: roleOn(subject, "e1"), isAdmin: subject.isAdmin };
      for (const action of Object.keys(ACTIONS) as Action[])
        expect([subject.userId, action, can(access, action)]).toEqual([
          subject.userId,
          action,
          authorize(subject, action, { endpointId: "e1" }).allowed,
        ]);
    }
  });

  it("allows nothing without a role, and global administration only to administrators", () => {
    expect(can({ role: null, isAdmin: false }, "resource.read")).toBe(false);
    expect(can({ role: "ENDPOINT_ADMIN", isAdmin: false }, "endpoint.delete")).toBe(false);
    expect(can({ role: null, isAdmin: true }, "endpoint.delete")).toBe(true);
  });
});
