// The fleet home, live (fleet:watch): one summary per endpoint the viewer may see, each computed on
// its own (a dead or slow endpoint is reported after a timeout and never holds the others back) and
// pushed as fleet:summary whenever it changes, at most once a second per endpoint. Docker figures
// are shared per engine (DockerFiguresHub); a cluster's are the viewer's (their namespaces). The
// access re-check ends summaries of endpoints no longer visible; the socket's going ends all.
import { db, type Endpoint } from "../db/client";
import { DockerFiguresHub } from "../fleet/docker-figures-hub";
import type { FleetSummary } from "../fleet/fleet-summary";
import { kubeFigures } from "../fleet/kube-figures";
import { LiveFigures } from "../fleet/live-figures";
import { TimedOutError } from "../fleet/within";
import { LiveClusterOverview } from "../kube/live-cluster-overview";
import type { KubeWatchCache } from "../kube/watch/watch-cache";
import { visibleEndpointIds, type Subject } from "../rbac/authorize";
import { endpointFollowings, type Following } from "./endpoint-followings";
import type { RealtimeServer } from "./hub";
import type { RealtimeSocket } from "./socket-data";
import { onEvent, publicMessage, SocketRequestError } from "./socket-handler";
import { reloadSubject } from "./reload-subject";

interface Followed extends Following {
  latest(): FleetSummary | null;
}

export function attachFleetWatch(
  io: RealtimeServer,
  options: { log: (message: string) => void; cache: KubeWatchCache },
) {
  const { log, cache } = options;
  const describe = (error: unknown) => (error instanceof TimedOutError ? error.message : publicMessage(error, log));
  const docker = new DockerFiguresHub(describe);
  const followings = endpointFollowings<Followed>(io, (socket, endpointId) =>
    socket.emit("fleet:summary", { endpointId, summary: null, closed: true }),
  );

  const follow = (socket: RealtimeSocket, endpoint: Endpoint, subject: Subject): Followed => {
    const push = (summary: FleetSummary) => {
      if (socket.connected) socket.emit("fleet:summary", { endpointId: endpoint.id, summary, closed: false });
    };
    if (endpoint.kind === "DOCKER") {
      let latest: FleetSummary | null = null;
      const release = docker.hold(endpoint.id, (summary) => ((latest = summary), push(summary)));
      return { latest: () => latest, setSubject: () => {}, stop: release };
    }
    // A cluster's figures are the viewer's own (their namespaces), from the shared watch cache.
    let figures: LiveFigures | null = null;
    const overview = new LiveClusterOverview(endpoint, subject, cache, () => figures?.schedule());
    figures = new LiveFigures({
      endpointId: endpoint.id,
      compute: async () => ({ docker: null, kube: kubeFigures(await overview.compute()) }),
      push,
      describe,
    });
    figures.refresh();
    const live = figures;
    return {
      latest: () => live.latest,
      setSubject: (s) => (overview.setSubject(s) ? live.schedule() : undefined),
      stop: () => (live.stop(), overview.stop()),
    };
  };

  io.on("connection", (socket) => {
    const mine = followings.of(socket);
    onEvent(
      socket,
      "fleet:watch",
      async () => {
        const subject = await reloadSubject(socket);
        if (!subject) throw new SocketRequestError("sign in first");
        const all = await db().endpoint.findMany({ orderBy: { name: "asc" } });
        const visible = new Set(
          visibleEndpointIds(
            subject,
            all.map((e) => e.id),
          ),
        );
        if (socket.disconnected) return { endpointIds: [] };
        for (const id of [...mine.keys()]) if (!visible.has(id)) followings.stop(socket, id);
        for (const endpoint of all) {
          if (!visible.has(endpoint.id)) continue;
          const known = mine.get(endpoint.id);
          const latest = known?.latest();
          // A repeated watch (the page opened again) is told what is already known.
          if (latest)
            queueMicrotask(() =>
              socket.emit("fleet:summary", { endpointId: endpoint.id, summary: latest, closed: false }),
            );
          if (!known) mine.set(endpoint.id, follow(socket, endpoint, subject));
        }
        return { endpointIds: [...visible] };
      },
      log,
    );
    onEvent(socket, "fleet:unwatch", () => (followings.stopAll(socket), null), log);
  });
  return { guard: followings.guard };
}
