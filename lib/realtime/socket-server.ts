// socket.io wiring: authenticate on connect, the endpoint rooms, each feature's handlers (all
// through onEvent), and the access re-check that ends what is no longer allowed.
import { startAccessRecheck } from "./access-recheck";
import { attachAuditWatch } from "./audit-watch";
import { attachDockerWatch } from "./docker-watch";
import { attachEndpointsWatch } from "./endpoints-watch";
import type { RealtimeServer } from "./hub";
import { attachFleetWatch } from "./fleet-watch";
import { attachKubeOverview } from "./kube-overview";
import { attachKubeWatch } from "./kube-watch";
import { attachLogsWatch } from "./logs-watch";
import { attachPaletteSearch } from "./palette-search";
import { authenticateHandshake } from "./socket-auth";
import { attachTerminals } from "./terminal-watch";
import { attachUsageWatch } from "./usage-watch";

export function attachRealtime(io: RealtimeServer, log: (message: string) => void = () => {}): () => void {
  io.use((socket, next) => {
    authenticateHandshake(socket.request, socket.handshake.auth?.token)
      .then((data) => {
        if (!data) return next(new Error("sign in first"));
        socket.data.subject = data.subject;
        socket.data.credential = data.credential;
        next();
      })
      .catch(() => next(new Error("could not check your session")));
  });

  const endpoints = attachEndpointsWatch(io, log);
  const docker = attachDockerWatch(io, log);
  const logs = attachLogsWatch(io, log);
  const kube = attachKubeWatch(io, log);
  const overview = attachKubeOverview(io, log, kube.cache);
  attachPaletteSearch(io, log);
  const fleet = attachFleetWatch(io, { log, cache: kube.cache });
  const audit = attachAuditWatch(io, log);
  const terminals = attachTerminals(io, log);
  const usage = attachUsageWatch(io, log);
  return startAccessRecheck(io, {
    guards: [
      endpoints.guard,
      docker.guard,
      logs.guard,
      kube.guard,
      overview.guard,
      fleet.guard,
      audit.guard,
      terminals.guard,
      usage.guard,
    ],
    sweeps: [docker.sweep],
    log,
  });
}
