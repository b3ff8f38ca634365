// Which namespaces a kube:watch may show a viewer: named ones only when each is allowed, all the
// viewer may read when none are named, and cluster-wide kinds only with unlimited access.
import { describe, expect, it } from "vitest";
import { builtInKind } from "@/lib/kube/kinds/catalog";
import type { Subject } from "@/lib/rbac/authorize";
import { kubeWatchNamespaces } from "@/lib/realtime/kube-watch-scope";

const subject = (namespaces: string[], isAdmin = false): Subject => ({
  userId: "u",
  email: "u@x",
  isAdmin,
  grants: isAdmin ? [] : [{ endpointId: "e1", role: "OPERATOR", namespaces }],
});
const pods = builtInKind("pods")!;
const nodes = builtInKind("nodes")!;
const scope = (s: Subject, kind = pods, requested?: string[], endpointId = "e1") =>
  kubeWatchNamespaces({ subject: s, endpointId, kind, requested });

describe("kubeWatchNamespaces", () => {
  it("gives every namespace (null) to unlimited access and the granted ones to limited access", () => {
    expect(scope(subject([]))).toBeNull();
    expect(scope(subject([], true))).toBeNull();
    expect(scope(subject(["team-b", "team-a"]))).toEqual(["team-a", "team-b"]);
  });

  it("accepts named namespaces only when each is allowed", () => {
    expect(scope(subject(["team-a"]), pods, ["team-a"])).toEqual(["team-a"]);
    expect(() => scope(subject(["team-a"]), pods, ["team-a", "sample"])).toThrow(
      "you may not read Pods in namespace sample",
    );
    expect(scope(subject([]), pods, ["sample"])).toEqual(["sample"]);
  });

  it("refuses a cluster-wide kind to limited access, and namespaces for it to anyone", () => {
    expect(() => scope(subject(["team-a"]), nodes)).toThrow(/you may not read Nodes/);
    expect(scope(subject([]), nodes)).toBeNull();
    expect(() => scope(subject([]), nodes, ["sample"])).toThrow(/cluster-wide/);
  });

  it("answers an endpoint without a grant as not found", () => {
    expect(() => scope(subject([]), pods, undefined, "other")).toThrow("endpoint not found");
  });
});
