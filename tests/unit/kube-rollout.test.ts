// Pure parts of the rollout actions: the name of a Job made by hand from a CronJob, and the one
// reading of a drain's progress lines that both the progress bar and the audit row use.
import { describe, expect, it } from "vitest";
import {
  applyDrainLine,
  drainCounts,
  drainSummary,
  emptyDrainProgress,
  type DrainLine,
} from "@/lib/kube/drain-progress";
import { manualJobName } from "@/lib/kube/job-from-cronjob";
import { objectName } from "@/lib/kube/names";

describe("manualJobName", () => {
  it("is <cronjob>-manual-<5 characters>, shortened to 63 characters and still a valid name", () => {
    expect(manualJobName("nightly")).toMatch(/^nightly-manual-[0-9a-f]{5}$/);
    const long = manualJobName(`${"a".repeat(49)}-b${"c".repeat(20)}`);
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^a{49}-manual-[0-9a-f]{5}$/); // no "--" where the cut fell on a dash
    expect(objectName.safeParse(long).success).toBe(true);
  });
});

describe("drain progress", () => {
  it("counts pods by state and tells the audit what was and was not evicted", () => {
    const lines: DrainLine[] = [
      { type: "cordoned", node: "n1", wasCordoned: false },
      {
        type: "pods",
        pods: [
          { namespace: "a", name: "p1" },
          { namespace: "a", name: "p2" },
          { namespace: "b", name: "p3" },
        ],
        skipped: [{ namespace: "kube-system", name: "agent-x", reason: "run by DaemonSet agent" }],
      },
      { type: "pod", namespace: "a", name: "p1", state: "evicted" },
      { type: "pod", namespace: "a", name: "p2", state: "waiting", message: "Cannot evict pod" },
    ];
    const progress = lines.reduce(applyDrainLine, emptyDrainProgress("n1"));
    expect(drainCounts(progress)).toEqual({ total: 3, evicted: 1, waiting: 1, failed: 0, inProgress: 1 });
    expect(drainSummary(progress)).toEqual({
      node: "n1",
      cordoned: true,
      evicted: ["a/p1"],
      notEvicted: [
        { pod: "a/p2", state: "waiting", message: "Cannot evict pod" },
        { pod: "b/p3", state: "pending", message: undefined },
      ],
      skipped: [{ pod: "kube-system/agent-x", reason: "run by DaemonSet agent" }],
    });
  });
});
