// What every part of the logs benchmark shares: the app server, a signed-in cookie, both Docker
// engines and a Kubernetes cluster as endpoints, and containers and namespaces removed at the end.
import { AppsV1Api, CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import Docker from "dockerode";
import { readTestEnv } from "../../scripts/testenv/state";
import type { AppServer } from "../../tests/support/app-server";

export interface BenchContext {
  app: AppServer;
  cookie: string;
  /** Endpoint ids of the two Docker engines, and of the first cluster. */
  engineIds: string[];
  clusterId: string;
  podLogFile: string;
  res: ReturnType<typeof benchResources>;
}

export function benchResources(testEnv = readTestEnv()) {
  const containers: Docker.Container[] = [];
  const namespaces: string[] = [];
  const kc = new KubeConfig();
  kc.loadFromFile(testEnv.kubernetes[0]!.adminKubeconfig);
  const dockers = testEnv.docker.map((d) => new Docker({ socketPath: d.socketPath }));
  return {
    kc,
    dockers,
    async container(cmd: string, options: { engine?: number; labels?: Record<string, string> } = {}) {
      const docker = dockers[options.engine ?? 1]!;
      const c = await docker.createContainer({
        Image: testEnv.testImage,
        Cmd: ["sh", "-c", cmd],
        Labels: { "fleetdeck.bench": "1", ...options.labels },
        HostConfig: { NetworkMode: "none" },
      });
      containers.push(c);
      await c.start();
      return c;
    },
    async namespace() {
      const name = `bench-${Date.now()}`;
      await kc.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name } } });
      namespaces.push(name);
      return name;
    },
    apps: () => kc.makeApiClient(AppsV1Api),
    core: () => kc.makeApiClient(CoreV1Api),
    async cleanup() {
      await Promise.all(containers.map((c) => c.remove({ force: true }).catch(() => {})));
      await Promise.all(
        namespaces.map((name) =>
          kc
            .makeApiClient(CoreV1Api)
            .deleteNamespace({ name })
            .catch(() => {}),
        ),
      );
    },
  };
}
