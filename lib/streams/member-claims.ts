// Within one viewer, one subscription per thing really read: a container reached through two
// endpoints on the same engine ("labels on every Docker endpoint") is followed by the first
// subscription that admits it, and handed to another one when that subscription lets it go.
import type { LogSource } from "./log-source";

const identityOf = (source: LogSource) => source.identity ?? source.key;

export class MemberClaims {
  private owners = new Map<string, string>();

  /** The sources `owner` may follow (unclaimed or its own); claims them for it. */
  claim(owner: string, sources: LogSource[]): LogSource[] {
    const kept: LogSource[] = [];
    for (const source of sources) {
      const current = this.owners.get(identityOf(source));
      if (current !== undefined && current !== owner) continue;
      this.owners.set(identityOf(source), owner);
      kept.push(source);
    }
    return kept;
  }

  /** Gives up `owner`'s claims on these sources; true if any was held (others may take them now). */
  release(owner: string, sources: LogSource[]): boolean {
    let released = false;
    for (const source of sources) {
      if (this.owners.get(identityOf(source)) !== owner) continue;
      this.owners.delete(identityOf(source));
      released = true;
    }
    return released;
  }

  /** Gives up everything `owner` holds (its subscription closed). */
  releaseAll(owner: string): boolean {
    let released = false;
    for (const [identity, current] of this.owners)
      if (current === owner) {
        this.owners.delete(identity);
        released = true;
      }
    return released;
  }
}
