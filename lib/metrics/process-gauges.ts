// Figures read at scrape time from what the process already holds: its open sockets and its
// database connection pool.
import { Gauge } from "prom-client";
import { dbPoolStats } from "../db/client";
import { realtimeServer } from "../realtime/hub";
import { sharedMetric } from "./registry";

const gauges = () =>
  sharedMetric("process gauges", (registry) => [
    new Gauge({
      name: "fleetdeck_open_sockets",
      help: "Signed-in browser tabs and scripts connected over socket.io to this instance",
      registers: [registry],
      collect() {
        this.set(realtimeServer()?.of("/").sockets.size ?? 0);
      },
    }),
    new Gauge({
      name: "fleetdeck_db_pool_connections",
      help: "Database connections of this instance's pool, by state (idle, busy)",
      labelNames: ["state"],
      registers: [registry],
      collect() {
        const stats = dbPoolStats();
        this.set({ state: "idle" }, stats?.idle ?? 0);
        this.set({ state: "busy" }, stats ? stats.total - stats.idle : 0);
      },
    }),
    new Gauge({
      name: "fleetdeck_db_pool_waiting",
      help: "Queries waiting for a free database connection",
      registers: [registry],
      collect() {
        this.set(dbPoolStats()?.waiting ?? 0);
      },
    }),
  ]);

export const ensureProcessGauges = () => void gauges();
