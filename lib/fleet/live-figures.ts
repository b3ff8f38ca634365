// An endpoint's figures kept current: computed now, again at most once per FLEET_PUSH_INTERVAL_MS
// while something changes upstream, pushed only when they differ. A slow endpoint is reported after
// FLEET_SUMMARY_TIMEOUT_MS (its late answer still replaces the report); a failure is tried again.
import { FLEET_PUSH_INTERVAL_MS, FLEET_RETRY_MS, FLEET_SUMMARY_TIMEOUT_MS, type FleetSummary } from "./fleet-summary";
import { TimedOutError, within } from "./within";

type Figures = Pick<FleetSummary, "docker" | "kube">;

export interface LiveFiguresOptions {
  endpointId: string;
  compute: () => Promise<Figures>;
  push: (summary: FleetSummary) => void;
  /** The failure in words for the person (upstream messages as they are). */
  describe: (error: unknown) => string;
}

export class LiveFigures {
  private timer: NodeJS.Timeout | null = null;
  private last: FleetSummary | null = null;
  private lastKey = "";
  private running = false;
  private again = false;
  private stopped = false;

  constructor(private readonly options: LiveFiguresOptions) {}

  /** The latest figures pushed (null before the first answer). */
  get latest(): FleetSummary | null {
    return this.last;
  }

  /** Computes now. */
  refresh(): void {
    this.run();
  }

  /** Something changed upstream: computed again, at most once per interval. */
  schedule(delayMs = FLEET_PUSH_INTERVAL_MS): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, delayMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    const work = this.options.compute();
    within(work, FLEET_SUMMARY_TIMEOUT_MS, "the endpoint")
      .then(
        (figures) => this.publish({ error: null, ...figures }),
        (error: unknown) => {
          this.publish({ error: this.options.describe(error), docker: null, kube: null });
          if (error instanceof TimedOutError)
            work.then(
              (figures) => this.publish({ error: null, ...figures }),
              () => {},
            );
          this.schedule(FLEET_RETRY_MS);
        },
      )
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.schedule();
        }
      });
  }

  private publish(part: Omit<FleetSummary, "endpointId" | "at">): void {
    if (this.stopped) return;
    const key = JSON.stringify(part);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.last = { endpointId: this.options.endpointId, at: new Date().toISOString(), ...part };
    this.options.push(this.last);
  }
}
