// The contract of the watch cache (implementation: see the files beside this one).
// One list+watch per (endpoint, resource, namespace scope) per instance, shared by every
// browser and feature that needs it; started on first acquire, stopped a while after the last
// release. The initial list is paged (limit/continue), a broken watch resumes from its
// resourceVersion, 410 Gone relists (and reports the difference as changes, so nothing is lost
// or repeated), managedFields are stripped, and changes reach holders in batches.
import type { Endpoint } from "../../db/client";
import type { KubeObject, KubeResourceRef } from "../kinds/kind";

export interface WatchScope {
  endpointId: string;
  ref: KubeResourceRef;
  /** One namespace, or null for every namespace (cluster-scoped kinds: always null). */
  namespace: string | null;
}

export interface ObjectChange {
  type: "added" | "modified" | "deleted";
  object: KubeObject;
}

export interface WatchHandle {
  /** Resolves when the first full list is in; rejects with the API server's error (403, 404…). */
  ready: Promise<void>;
  /** The current objects (empty before `ready`). */
  list(): KubeObject[];
  get(name: string, namespace?: string | null): KubeObject | undefined;
  /** Problems after `ready` (watch lost, being re-established; null when back). */
  onProblem(listener: (error: string | null) => void): void;
  release(): void;
}

export interface KubeWatchCache {
  acquire(
    endpoint: Endpoint,
    scope: Omit<WatchScope, "endpointId">,
    onChanges?: (changes: ObjectChange[]) => void,
  ): WatchHandle;
  /** Watches open now (for tests and diagnostics). */
  readonly size: number;
}
