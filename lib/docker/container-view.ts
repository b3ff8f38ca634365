// What the containers table shows, mapped from the engine's own list entries.
import type Docker from "dockerode";

export interface ContainerRow {
  id: string;
  name: string;
  image: string;
  state: string;
  status: string;
  health: string | null;
  created: number;
  ports: string[];
  project: string | null;
  service: string | null;
  labels: Record<string, string>;
}

const HEALTH = /\((healthy|unhealthy|health: starting)\)/;

export function toContainerRow(c: Docker.ContainerInfo): ContainerRow {
  const labels = c.Labels ?? {};
  return {
    id: c.Id,
    name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ""),
    image: c.Image,
    state: c.State,
    status: c.Status,
    health: HEALTH.exec(c.Status)?.[1] ?? null,
    created: c.Created,
    ports: (c.Ports ?? []).map((p) =>
      p.PublicPort ? `${p.IP ?? ""}:${p.PublicPort}→${p.PrivatePort}/${p.Type}` : `${p.PrivatePort}/${p.Type}`,
    ),
    project: labels["com.docker.compose.project"] ?? null,
    service: labels["com.docker.compose.service"] ?? null,
    labels,
  };
}

/**
 * The same row from a container's inspect data. Used after an event: the engine updates its
 * list view only after announcing the event, while inspect waits for the change to finish.
 */
export function rowFromInspect(info: Docker.ContainerInspectInfo): ContainerRow {
  const labels = info.Config.Labels ?? {};
  const health = (info.State as { Health?: { Status?: string } }).Health?.Status;
  const ports = Object.entries(info.NetworkSettings.Ports ?? {}).flatMap(([port, bindings]) =>
    bindings?.length ? bindings.map((b) => `${b.HostIp}:${b.HostPort}→${port}`) : [port],
  );
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ""),
    image: info.Config.Image,
    state: info.State.Status,
    status: info.State.Status,
    health: health && health !== "none" ? health : null,
    created: Math.floor(new Date(info.Created).getTime() / 1000),
    ports,
    project: labels["com.docker.compose.project"] ?? null,
    service: labels["com.docker.compose.service"] ?? null,
    labels,
  };
}
