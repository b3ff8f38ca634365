// The details page of a container: its inspect data, with environment values hidden from those
// who may not read them.
import type Docker from "dockerode";

export interface ContainerDetails {
  id: string;
  name: string;
  image: string;
  imageId: string;
  state: Docker.ContainerInspectInfo["State"];
  created: string;
  command: string[];
  entrypoint: string[];
  workingDir: string;
  env: { name: string; value: string | null }[];
  labels: Record<string, string>;
  mounts: { type: string; source: string; destination: string; readOnly: boolean; name?: string }[];
  networks: { name: string; ipAddress: string }[];
  ports: Record<string, { hostIp: string; hostPort: string }[] | null>;
  restartPolicy: { name: string; maximumRetryCount: number };
  resources: { memory: number; nanoCpus: number };
  health: { status: string; log: { start: string; exitCode: number; output: string }[] } | null;
}

const asList = (value: string | string[] | undefined | null) =>
  value == null ? [] : Array.isArray(value) ? value : [value];

export function toContainerDetails(
  info: Docker.ContainerInspectInfo,
  options: { showEnvValues: boolean },
): ContainerDetails {
  const health = (
    info.State as { Health?: { Status: string; Log?: { Start: string; ExitCode: number; Output: string }[] } }
  ).Health;
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ""),
    image: info.Config.Image,
    imageId: info.Image,
    state: info.State,
    created: info.Created,
    command: asList(info.Config.Cmd),
    entrypoint: asList(info.Config.Entrypoint as string | string[] | undefined),
    workingDir: info.Config.WorkingDir,
    env: (info.Config.Env ?? []).map((entry) => {
      const index = entry.indexOf("=");
      const name = index < 0 ? entry : entry.slice(0, index);
      return { name, value: options.showEnvValues ? (index < 0 ? "" : entry.slice(index + 1)) : null };
    }),
    labels: info.Config.Labels ?? {},
    mounts: info.Mounts.map((m) => ({
      type: m.Type,
      source: m.Source,
      destination: m.Destination,
      readOnly: !m.RW,
      name: m.Name,
    })),
    networks: Object.entries(info.NetworkSettings.Networks ?? {}).map(([name, n]) => ({
      name,
      ipAddress: n.IPAddress,
    })),
    ports: Object.fromEntries(
      Object.entries(info.NetworkSettings.Ports ?? {}).map(([port, bindings]) => [
        port,
        bindings ? bindings.map((b) => ({ hostIp: b.HostIp, hostPort: b.HostPort })) : null,
      ]),
    ),
    restartPolicy: {
      name: info.HostConfig.RestartPolicy?.Name ?? "no",
      maximumRetryCount: info.HostConfig.RestartPolicy?.MaximumRetryCount ?? 0,
    },
    resources: { memory: info.HostConfig.Memory ?? 0, nanoCpus: info.HostConfig.NanoCpus ?? 0 },
    health: health
      ? {
          status: health.Status,
          log: (health.Log ?? []).map((l) => ({ start: l.Start, exitCode: l.ExitCode, output: l.Output })),
        }
      : null,
  };
}
