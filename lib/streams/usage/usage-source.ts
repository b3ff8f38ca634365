// One upstream of usage samples (a Docker stats stream, a metrics.k8s.io poller), opened by the hub
// when the first viewer comes and stopped when the last one goes.
import type { UsageInfo, UsagePoint } from "./usage-types";

export interface UsageSink {
  /** A sample; `info` when the facts beside the series changed. */
  point(point: UsagePoint | null, info?: UsageInfo): void;
  /** The upstream is in trouble (`error`, being retried by the source) or fine again (null). */
  status(error: string | null): void;
  /** The upstream ended on its own (a stream closed): the hub opens it again after a pause. */
  ended(error: string): void;
}

export interface UsageSource {
  /** Identical sources share one upstream: `docker:<endpoint>:<container>`, `kube:<endpoint>:pod:<ns>/<name>`… */
  key: string;
  columns: readonly string[];
  intervalMs: number;
  /** Opens the upstream; the returned function stops it. A failure to open is retried by the hub. */
  open(sink: UsageSink): Promise<() => void>;
}
