// Small readers shared by the kind descriptors: typed access into plain JSON objects and the
// summaries kubectl prints (ready counts, restarts, selectors).
import type { KubeObject } from "./kind";

type Json = Record<string, unknown>;

/** obj.a.b.c without a chain of casts; undefined when any step is missing. */
export function at(object: unknown, ...path: (string | number)[]): unknown {
  let value: unknown = object;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Json)[key as string];
  }
  return value;
}

export const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
export const num = (value: unknown): number | null => (typeof value === "number" ? value : null);
export const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

export const created = (o: KubeObject) => o.metadata.creationTimestamp ?? null;

/** "2/3": ready of desired. */
export const ratio = (ready: unknown, desired: unknown) => `${num(ready) ?? 0}/${num(desired) ?? 0}`;

export function podReady(pod: KubeObject): string {
  const statuses = list(at(pod, "status", "containerStatuses"));
  const total = list(at(pod, "spec", "containers")).length;
  return `${statuses.filter((s) => s.ready === true).length}/${total}`;
}

export function podRestarts(pod: KubeObject): number {
  return list(at(pod, "status", "containerStatuses")).reduce((sum, s) => sum + (num(s.restartCount) ?? 0), 0);
}

/** What kubectl shows as STATUS: a waiting/terminated reason wins over the phase. */
export function podStatus(pod: KubeObject): string {
  if (pod.metadata.deletionTimestamp) return "Terminating";
  const reason = str(at(pod, "status", "reason"));
  if (reason) return reason;
  for (const s of [
    ...list(at(pod, "status", "initContainerStatuses")),
    ...list(at(pod, "status", "containerStatuses")),
  ]) {
    const waiting = str(at(s, "state", "waiting", "reason"));
    if (waiting && waiting !== "PodInitializing") return waiting;
    const terminated = str(at(s, "state", "terminated", "reason"));
    if (terminated && terminated !== "Completed") return terminated;
  }
  return str(at(pod, "status", "phase")) ?? "Unknown";
}

/** The status of a condition ("True"/"False"/"Unknown") by type, or null. */
export function condition(object: KubeObject, type: string): string | null {
  const found = list(at(object, "status", "conditions")).find((c) => c.type === type);
  return found ? str(found.status) : null;
}

export function selectorText(selector: unknown): string {
  const labels = at(selector, "matchLabels") as Record<string, string> | undefined;
  const parts = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of list(at(selector, "matchExpressions")))
    parts.push(`${str(e.key)} ${String(e.operator).toLowerCase()} (${list(e.values).join(",")})`);
  return parts.join(",");
}

export const join = (values: unknown[]) => values.filter((v) => v !== null && v !== undefined && v !== "").join(", ");
