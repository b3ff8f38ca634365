// The members of a log subscription: one fixed source (a container, a pod's container), or a set
// followed upstream as pods and containers come and go (a workload, a label selector).
import type { LogSource } from "./log-source";

export interface MemberSet {
  /** Identifies what is watched: identical sets share one upstream watch. */
  key: string;
  /** What the user subscribed to, in words ("deployment web", "containers with app=api"). */
  label: string;
  /**
   * Follows the members: `onMembers` gets the whole current set on every change (first call as
   * soon as it is known); `onProblem` says when the watch is lost (null once it is back).
   * Returns a function that stops watching.
   */
  watch(onMembers: (members: LogSource[]) => void, onProblem: (error: string | null) => void): () => void;
}

export function fixedMember(source: LogSource): MemberSet {
  return {
    key: `fixed:${source.key}`,
    label: source.label,
    watch(onMembers) {
      onMembers([source]);
      return () => {};
    },
  };
}
