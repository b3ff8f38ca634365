// Container stats watched as the containers table does for the rows on screen: `containers`
// running containers, spread over sockets of 20 watches each (tabs), every watch acknowledged and
// its first point received. Returns the close function.
import type Docker from "dockerode";
import { io, type Socket } from "socket.io-client";

const PER_SOCKET = 20;
export const STATS_LABEL = "fleetdeck.bench=stats";

/** `count` running containers carrying STATS_LABEL (made when missing; removed by removeStatsContainers). */
export async function ensureStatsContainers(docker: Docker, count: number, image: string): Promise<string[]> {
  const existing = await docker.listContainers({ all: true, filters: { label: [STATS_LABEL] } });
  const ids = existing.map((c) => c.Id);
  for (let i = existing.length; i < count; i++) {
    const c = await docker.createContainer({
      Image: image,
      Cmd: ["sleep", "3600"],
      Labels: { "fleetdeck.bench": "stats" },
      HostConfig: { NetworkMode: "none" },
    });
    ids.push(c.id);
  }
  for (let i = 0; i < ids.length; i += 16)
    await Promise.all(
      ids.slice(i, i + 16).map((id) =>
        docker
          .getContainer(id)
          .start()
          .catch(() => undefined),
      ),
    );
  return ids.slice(0, count);
}

export async function removeStatsContainers(docker: Docker): Promise<void> {
  const existing = await docker.listContainers({ all: true, filters: { label: [STATS_LABEL] } });
  for (let i = 0; i < existing.length; i += 16)
    await Promise.all(existing.slice(i, i + 16).map((c) => docker.getContainer(c.Id).remove({ force: true })));
}

export async function watchStats(options: {
  appUrl: string;
  cookie: string;
  endpointId: string;
  containerIds: string[];
}): Promise<() => void> {
  const sockets: Socket[] = [];
  for (let i = 0; i < options.containerIds.length; i += PER_SOCKET) {
    const socket = io(options.appUrl, {
      transports: ["websocket"],
      forceNew: true,
      extraHeaders: { cookie: options.cookie },
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    const ids = options.containerIds.slice(i, i + PER_SOCKET);
    const firstPoints = new Set<string>();
    const allPointed = new Promise<void>((resolve) =>
      socket.on("usage:points", (e: { watchId: string }) => {
        firstPoints.add(e.watchId);
        if (firstPoints.size >= ids.length) resolve();
      }),
    );
    for (const containerId of ids) {
      const reply = (await socket.timeout(30_000).emitWithAck("usage:watch", {
        endpointId: options.endpointId,
        target: { kind: "container", containerId },
      })) as {
        ok: boolean;
        error?: string;
      };
      if (!reply.ok) throw new Error(`usage:watch refused: ${reply.error}`);
    }
    await Promise.race([allPointed, new Promise((r) => setTimeout(r, 30_000))]);
  }
  return () => sockets.forEach((s) => s.close());
}
