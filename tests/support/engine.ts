// A test engine helper: containers of the test image on a private engine, removed afterwards, and
// a way to make a running container "log" a line (as its main process would).
import Docker from "dockerode";
import { readTestEnv } from "../../scripts/testenv/state";

export function testEngine(index = 0) {
  const env = readTestEnv();
  const docker = new Docker({ socketPath: env.docker[index]!.socketPath });
  const created: string[] = [];
  return {
    docker,
    env,
    /** Creates and starts a container (no network) and remembers it for `cleanup`. */
    async run(cmd: string[], options: Partial<Docker.ContainerCreateOptions> = {}): Promise<Docker.Container> {
      const container = await docker.createContainer({
        Image: env.testImage,
        Cmd: cmd,
        ...options,
        HostConfig: { NetworkMode: "none", ...options.HostConfig },
      });
      created.push(container.id);
      await container.start();
      return container;
    },
    track(id: string) {
      created.push(id);
    },
    async cleanup() {
      await Promise.all(
        created.map((id) =>
          docker
            .getContainer(id)
            .remove({ force: true })
            .catch(() => {}),
        ),
      );
    },
  };
}

/** Writes a line to the container's own stdout (1) or stderr (2). */
export async function say(container: Docker.Container, text: string, stream: 1 | 2 = 1): Promise<void> {
  const exec = await container.exec({ Cmd: ["sh", "-c", `echo '${text}' >> /proc/1/fd/${stream}`] });
  const output = await exec.start({});
  await new Promise((resolve) => output.on("end", resolve).resume());
}
