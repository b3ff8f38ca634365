// The watch cache's store: each change is reported once, a relist reports only the difference,
// and managedFields are not kept.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/kube/kinds/kind";
import { ObjectStore } from "@/lib/kube/watch/object-store";

const pod = (name: string, uid: string, rv: string, extra: Record<string, unknown> = {}): KubeObject => ({
  metadata: { name, namespace: "ns", uid, resourceVersion: rv, ...extra },
});
const summary = (changes: { type: string; object: KubeObject }[]) =>
  changes.map((c) => `${c.type} ${c.object.metadata.name}@${c.object.metadata.resourceVersion}`);

describe("ObjectStore", () => {
  it("applies watch events once: a repeated version and a deletion of an unknown object change nothing", () => {
    const store = new ObjectStore();
    expect(summary(store.apply("ADDED", pod("a", "1", "10")))).toEqual(["added a@10"]);
    expect(store.apply("MODIFIED", pod("a", "1", "10"))).toEqual([]);
    expect(summary(store.apply("MODIFIED", pod("a", "1", "11")))).toEqual(["modified a@11"]);
    expect(store.apply("DELETED", pod("b", "2", "12"))).toEqual([]);
    expect(summary(store.apply("DELETED", pod("a", "1", "13")))).toEqual(["deleted a@13"]);
    expect(store.size).toBe(0);
  });

  it("reports a relist as the difference: added, modified and deleted, never the unchanged", () => {
    const store = new ObjectStore();
    store.replace([pod("keep", "1", "10"), pod("change", "2", "11"), pod("gone", "3", "12")]);
    const changes = store.replace([pod("keep", "1", "10"), pod("change", "2", "20"), pod("new", "4", "21")]);
    expect(summary(changes).sort()).toEqual(["added new@21", "deleted gone@12", "modified change@20"]);
    expect(
      store
        .list()
        .map((o) => o.metadata.name)
        .sort(),
    ).toEqual(["change", "keep", "new"]);
  });

  it("treats a name taken by a new object as a deletion and an addition", () => {
    const store = new ObjectStore();
    store.replace([pod("web", "old", "10")]);
    expect(summary(store.replace([pod("web", "new", "30")])).sort()).toEqual(["added web@30", "deleted web@10"]);
    expect(store.get("web", "ns")?.metadata.uid).toBe("new");
    expect(summary(store.apply("ADDED", pod("web", "newer", "31")))).toEqual(["deleted web@30", "added web@31"]);
    expect(store.list().map((o) => o.metadata.uid)).toEqual(["newer"]);
  });

  it("strips managedFields from what it keeps", () => {
    const store = new ObjectStore();
    store.apply("ADDED", pod("a", "1", "10", { managedFields: [{ manager: "kubectl" }], labels: { app: "x" } }));
    expect(store.get("a", "ns")?.metadata).toEqual({
      name: "a",
      namespace: "ns",
      uid: "1",
      resourceVersion: "10",
      labels: { app: "x" },
    });
  });
});
