// Objects held by the Kubernetes watch cache, by endpoint id and resource, read at scrape time.
import { Gauge } from "prom-client";
import { sharedMetric } from "./registry";

export interface HeldObjects {
  endpoint: string;
  resource: string;
  objects: number;
}

const source = () => sharedMetric("watch cache object counter", () => ({ count: (): HeldObjects[] => [] }));

const gauge = () =>
  sharedMetric(
    "fleetdeck_watch_cache_objects",
    (registry) =>
      new Gauge({
        name: "fleetdeck_watch_cache_objects",
        help: "Kubernetes objects held in this instance's watch cache, by endpoint id and resource",
        labelNames: ["endpoint", "resource"],
        registers: [registry],
        collect() {
          this.reset();
          const sums = new Map<string, HeldObjects>();
          for (const held of source().count()) {
            const id = `${held.endpoint} ${held.resource}`;
            const sum = sums.get(id) ?? { ...held, objects: 0 };
            sum.objects += held.objects;
            sums.set(id, sum);
          }
          for (const { endpoint, resource, objects } of sums.values()) this.set({ endpoint, resource }, objects);
        },
      }),
  );

export function countWatchCacheObjects(count: () => HeldObjects[]): void {
  gauge();
  source().count = count;
}

export const ensureWatchCacheMetrics = () => void gauge();
