// One upstream watch per identical member set per server instance (one pod watch for everyone
// following "deployment web"), fanned out to every group that uses it, closed with the last one.
import type { LogSource } from "./log-source";
import type { MemberSet } from "./member-set";

export interface MemberListener {
  members(members: LogSource[]): void;
  problem(error: string | null): void;
}

interface Shared {
  listeners: Set<MemberListener>;
  members: LogSource[] | null;
  problem: string | null;
  stop: () => void;
}

export class MemberSetHub {
  private watches = new Map<string, Shared>();

  acquire(set: MemberSet, listener: MemberListener): () => void {
    let shared = this.watches.get(set.key);
    if (!shared) {
      const created: Shared = { listeners: new Set([listener]), members: null, problem: null, stop: () => {} };
      this.watches.set(set.key, created);
      created.stop = set.watch(
        (members) => {
          created.members = members;
          for (const l of created.listeners) l.members(members);
        },
        (problem) => {
          created.problem = problem;
          for (const l of created.listeners) l.problem(problem);
        },
      );
      shared = created;
    } else {
      if (shared.members) listener.members(shared.members);
      if (shared.problem) listener.problem(shared.problem);
    }
    shared.listeners.add(listener);
    const owner = shared;
    return () => {
      owner.listeners.delete(listener);
      if (owner.listeners.size === 0 && this.watches.get(set.key) === owner) {
        this.watches.delete(set.key);
        owner.stop();
      }
    };
  }
}
