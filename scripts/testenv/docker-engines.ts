// Two private Docker engines from Debian's docker.io: own data root, exec root, pidfile, socket and
// containerd namespace, no bridge network and no iptables rules. Engine 1 also listens on
// 127.0.0.1 over TCP with TLS.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Docker from "dockerode";
import { freePort, startDaemon, waitFor } from "./processes";
import type { DockerEngineInfo } from "./state";
import type { TlsFiles } from "./tls-certs";

/** The engine's process id is added to `pids` as soon as it starts. */
export async function startDockerEngine(options: {
  dir: string;
  name: string;
  tls?: TlsFiles;
  pids: number[];
}): Promise<DockerEngineInfo> {
  const root = path.join(options.dir, options.name);
  mkdirSync(root, { recursive: true });
  const socketPath = path.join(root, "docker.sock");
  const args = [
    `--data-root=${path.join(root, "data")}`,
    `--exec-root=${path.join(root, "exec")}`,
    `--pidfile=${path.join(root, "docker.pid")}`,
    `--host=unix://${socketPath}`,
    `--containerd-namespace=${options.name}`,
    `--containerd-plugins-namespace=${options.name}-plugins`,
    "--bridge=none",
    "--iptables=false",
    "--ip-masq=false",
    "--ip6tables=false",
    "--log-level=warn",
  ];
  let tls: DockerEngineInfo["tls"];
  if (options.tls) {
    const port = await freePort();
    args.push(
      `--host=tcp://127.0.0.1:${port}`,
      "--tlsverify",
      `--tlscacert=${options.tls.ca}`,
      `--tlscert=${options.tls.serverCert}`,
      `--tlskey=${options.tls.serverKey}`,
    );
    tls = {
      host: "127.0.0.1",
      port,
      ca: options.tls.ca,
      cert: options.tls.clientCert,
      key: options.tls.clientKey,
      wrongCa: options.tls.wrongCa,
    };
  }
  const logFile = path.join(root, "dockerd.log");
  const pid = startDaemon("dockerd", args, logFile);
  options.pids.push(pid);
  const docker = new Docker({ socketPath });
  const version = await waitFor(
    `docker engine ${options.name}`,
    async () => (await docker.version()).Version,
    90_000,
    logFile,
  );
  return { name: options.name, socketPath, pid, version, tls };
}
