// What a node drain reports while it runs (one NDJSON line each), and the one reading of those
// lines: the browser's progress bar and the audit row are both made from it. Client-safe.
import { z } from "zod";

export const drainBody = z
  .object({
    /** Seconds each pod gets to stop (default: the pod's own terminationGracePeriodSeconds). */
    gracePeriodSeconds: z.number().int().min(0).max(3600).optional(),
    /** How long to keep asking for pods a disruption budget holds, and to wait for pods to go. */
    timeoutSeconds: z.number().int().min(1).max(3600).default(60),
  })
  .default({ timeoutSeconds: 60 });

export type DrainOptions = z.infer<typeof drainBody>;

/**
 * evicting: asked; waiting: a disruption budget refused it for now (asked again until the
 * timeout); terminating: the eviction was accepted; evicted: the pod is gone; failed: not evicted.
 */
export type DrainPodState = "evicting" | "waiting" | "terminating" | "evicted" | "failed";

export interface DrainPodRef {
  namespace: string;
  name: string;
}

export type DrainLine =
  | { type: "cordoned"; node: string; wasCordoned: boolean }
  | { type: "pods"; pods: DrainPodRef[]; skipped: (DrainPodRef & { reason: string })[] }
  | ({ type: "pod"; state: DrainPodState; message?: string } & DrainPodRef);

export interface DrainProgress {
  node: string;
  cordoned: boolean;
  pods: Record<string, DrainPodRef & { state: DrainPodState | "pending"; message?: string }>;
  skipped: (DrainPodRef & { reason: string })[];
}

const key = (pod: DrainPodRef) => `${pod.namespace}/${pod.name}`;

export const emptyDrainProgress = (node: string): DrainProgress => ({ node, cordoned: false, pods: {}, skipped: [] });

export function applyDrainLine(progress: DrainProgress, line: DrainLine): DrainProgress {
  switch (line.type) {
    case "cordoned":
      return { ...progress, cordoned: true };
    case "pods":
      return {
        ...progress,
        pods: Object.fromEntries(line.pods.map((p) => [key(p), { ...p, state: "pending" as const }])),
        skipped: line.skipped,
      };
    case "pod":
      return {
        ...progress,
        pods: {
          ...progress.pods,
          [key(line)]: { namespace: line.namespace, name: line.name, state: line.state, message: line.message },
        },
      };
  }
}

export function drainCounts(progress: DrainProgress) {
  const pods = Object.values(progress.pods);
  const count = (...states: string[]) => pods.filter((p) => states.includes(p.state)).length;
  return {
    total: pods.length,
    evicted: count("evicted"),
    waiting: count("waiting"),
    failed: count("failed"),
    inProgress: count("pending", "evicting", "terminating"),
  };
}

/** For the audit row: what was evicted, what was not (and why), what was left alone. */
export function drainSummary(progress: DrainProgress) {
  const pods = Object.values(progress.pods);
  return {
    node: progress.node,
    cordoned: progress.cordoned,
    evicted: pods.filter((p) => p.state === "evicted").map(key),
    notEvicted: pods
      .filter((p) => p.state !== "evicted")
      .map((p) => ({ pod: key(p), state: p.state, message: p.message })),
    skipped: progress.skipped.map((p) => ({ pod: key(p), reason: p.reason })),
  };
}
