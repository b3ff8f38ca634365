// "Recreate": replace a container by one with the same configuration and a changed image tag or
// environment, keeping its name. The old one is kept (stopped, renamed) until the new one runs,
// and put back if anything fails.
import type Docker from "dockerode";

export interface RecreateChanges {
  image?: string;
  /** Variables to set (value) or remove (null); others are kept. */
  env?: Record<string, string | null>;
  /** Seconds to wait for the old container to stop before it is killed. */
  stopTimeout?: number;
}

function mergeEnv(current: string[], changes: Record<string, string | null> = {}): string[] {
  const map = new Map(current.map((e) => [e.slice(0, e.indexOf("=") < 0 ? e.length : e.indexOf("=")), e]));
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) map.delete(name);
    else map.set(name, `${name}=${value}`);
  }
  return [...map.values()];
}

export async function recreateContainer(docker: Docker, id: string, changes: RecreateChanges): Promise<string> {
  const old = docker.getContainer(id);
  const info = await old.inspect();
  const name = info.Name.replace(/^\//, "");
  const wasRunning = info.State.Running;
  const networks = info.NetworkSettings.Networks ?? {};
  const options: Docker.ContainerCreateOptions = {
    ...info.Config,
    name,
    Image: changes.image ?? info.Config.Image,
    Env: mergeEnv(info.Config.Env ?? [], changes.env),
    HostConfig: info.HostConfig,
    // Endpoint settings carry the old container's addresses; keep only the aliases.
    NetworkingConfig:
      info.HostConfig.NetworkMode && !["none", "host", "default", "bridge"].includes(info.HostConfig.NetworkMode)
        ? {
            EndpointsConfig: Object.fromEntries(
              Object.entries(networks).map(([n, s]) => [n, { Aliases: s.Aliases ?? undefined }]),
            ),
          }
        : undefined,
  };
  const parked = `${name}-old-${Date.now()}`;
  if (wasRunning) await old.stop({ t: changes.stopTimeout });
  await old.rename({ name: parked });
  try {
    const created = await docker.createContainer(options);
    if (wasRunning) await created.start();
    await old.remove();
    return created.id;
  } catch (error) {
    // Put the old container back as it was.
    await docker
      .getContainer(name)
      .remove({ force: true })
      .catch(() => {});
    await old.rename({ name });
    if (wasRunning) await old.start().catch(() => {});
    throw error;
  }
}
