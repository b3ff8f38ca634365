// Carries out a compose plan through the Docker API, as `docker compose up -d` would: networks
// and volumes first, then each service's container in dependency order (replacing the project's
// previous container of that service), pulling images the engine lacks. Reports each step.
import type Docker from "dockerode";
import { pullImage } from "../images";
import type { ComposePlan, ServicePlan } from "./parse-compose";

export interface DeployStep {
  step: number;
  total: number;
  message: string;
}

const PROJECT = "com.docker.compose.project";
const SERVICE = "com.docker.compose.service";

const isNotFound = (error: unknown) => (error as { statusCode?: number }).statusCode === 404;

async function ensureImage(docker: Docker, image: string): Promise<boolean> {
  try {
    await docker.getImage(image).inspect();
    return false;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  await pullImage(docker, { image });
  return true;
}

function createOptions(
  project: string,
  service: ServicePlan,
  networkNames: Map<string, string>,
  volumeNames: Map<string, string>,
): Docker.ContainerCreateOptions {
  const primary = service.networkMode ? undefined : (service.networks[0]?.name ?? "default");
  return {
    name: service.containerName ?? `${project}-${service.name}-1`,
    Image: service.image,
    Cmd: service.command,
    Entrypoint: service.entrypoint,
    Env: Object.entries(service.environment).map(([k, v]) => `${k}=${v}`),
    Labels: {
      ...service.labels,
      [PROJECT]: project,
      [SERVICE]: service.name,
      "com.docker.compose.container-number": "1",
      "com.docker.compose.oneoff": "False",
    },
    WorkingDir: service.workingDir,
    User: service.user,
    Hostname: service.hostname,
    ExposedPorts: Object.fromEntries(service.ports.map((p) => [`${p.container}/${p.protocol}`, {}])),
    HostConfig: {
      NetworkMode: service.networkMode ?? networkNames.get(primary!),
      PortBindings: Object.fromEntries(
        service.ports
          .filter((p) => p.host !== undefined)
          .map((p) => [`${p.container}/${p.protocol}`, [{ HostPort: String(p.host), HostIp: p.hostIp ?? "" }]]),
      ),
      Mounts: service.mounts.map((m) => ({
        Type: m.type,
        // An anonymous volume has no source: the engine makes one.
        Source: m.type === "volume" ? (m.source ? (volumeNames.get(m.source) ?? m.source) : "") : m.source,
        Target: m.target,
        ReadOnly: m.readOnly,
      })),
      RestartPolicy: { Name: service.restart },
      Memory: service.memoryBytes,
      NanoCpus: service.cpus ? Math.round(service.cpus * 1e9) : undefined,
    },
    NetworkingConfig: primary
      ? {
          EndpointsConfig: {
            [networkNames.get(primary)!]: { Aliases: [service.name, ...(service.networks[0]?.aliases ?? [])] },
          },
        }
      : undefined,
  };
}

export async function deployStack(
  docker: Docker,
  project: string,
  plan: ComposePlan,
  report: (step: DeployStep) => void,
): Promise<void> {
  const needsDefault = plan.services.some((s) => !s.networkMode && s.networks.length === 0);
  const networks = [
    ...plan.networks,
    ...(needsDefault ? [{ name: "default", driver: "bridge", internal: false, external: false, labels: {} }] : []),
  ];
  const total = networks.length + plan.volumes.length + plan.services.length;
  let step = 0;
  const done = (message: string) => report({ step: ++step, total, message });
  const labels = (extra: Record<string, string>) => ({ ...extra, [PROJECT]: project });

  const networkNames = new Map<string, string>();
  for (const n of networks) {
    const name = n.external ? n.name : `${project}_${n.name}`;
    networkNames.set(n.name, name);
    const existing = await docker.listNetworks({ filters: { name: [name] } });
    if (n.external || existing.some((e) => e.Name === name))
      done(`network ${name} ${n.external ? "(external)" : "exists"}`);
    else {
      await docker.createNetwork({
        Name: name,
        Driver: n.driver,
        Internal: n.internal,
        Labels: labels({ ...n.labels, "com.docker.compose.network": n.name }),
      });
      done(`created network ${name}`);
    }
  }
  const volumeNames = new Map<string, string>();
  for (const v of plan.volumes) {
    const name = v.external ? v.name : `${project}_${v.name}`;
    volumeNames.set(v.name, name);
    if (v.external) done(`volume ${name} (external)`);
    else {
      // Creating an existing volume is a no-op that keeps its data.
      await docker.createVolume({
        Name: name,
        Driver: v.driver,
        Labels: labels({ ...v.labels, "com.docker.compose.volume": v.name }),
      });
      done(`volume ${name} ready`);
    }
  }
  for (const service of plan.services) {
    const pulled = await ensureImage(docker, service.image);
    const previous = await docker.listContainers({
      all: true,
      filters: { label: [`${PROJECT}=${project}`, `${SERVICE}=${service.name}`] },
    });
    for (const p of previous) await docker.getContainer(p.Id).remove({ force: true });
    const container = await docker.createContainer(createOptions(project, service, networkNames, volumeNames));
    for (const extra of service.networkMode ? [] : service.networks.slice(1)) {
      await docker
        .getNetwork(networkNames.get(extra.name)!)
        .connect({ Container: container.id, EndpointConfig: { Aliases: [service.name, ...extra.aliases] } });
    }
    await container.start();
    done(
      `started ${service.name}${pulled ? ` (pulled ${service.image})` : ""}${previous.length ? " (replaced the previous container)" : ""}`,
    );
  }
}
