// How many log subscriptions (or terminals) each user holds on this instance, open or still being
// set up, so one user (a script, a runaway tab) cannot open upstreams without end.
import { MAX_LOG_SUBSCRIPTIONS_PER_USER } from "./limits";
import { SocketRequestError } from "./socket-handler";

export class SubscriptionQuota {
  private counts = new Map<string, number>();

  constructor(
    private readonly limit = MAX_LOG_SUBSCRIPTIONS_PER_USER,
    private readonly refusal = `at most ${MAX_LOG_SUBSCRIPTIONS_PER_USER} log subscriptions per user at once; close some log views first`,
  ) {}

  /** Takes one of the user's places (or refuses, naming the limit); returns how to give it back. */
  take(userId: string): () => void {
    const count = this.counts.get(userId) ?? 0;
    if (count >= this.limit) throw new SocketRequestError(this.refusal);
    this.counts.set(userId, count + 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const left = (this.counts.get(userId) ?? 1) - 1;
      if (left > 0) this.counts.set(userId, left);
      else this.counts.delete(userId);
    };
  }

  held(userId: string): number {
    return this.counts.get(userId) ?? 0;
  }
}
