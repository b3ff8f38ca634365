// An OpenSSH server on 127.0.0.1 whose sessions reach Docker engine 1, for Docker-over-SSH
// endpoints (the client runs `docker system dial-stdio` on the remote side, as the docker CLI does).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort, startDaemon, waitFor } from "./processes";
import type { SshServerInfo } from "./state";

export async function startSshServer(options: {
  dir: string;
  dockerSocket: string;
  pids: number[];
}): Promise<SshServerInfo> {
  const root = path.join(options.dir, "sshd");
  mkdirSync(root, { recursive: true });
  mkdirSync("/run/sshd", { recursive: true }); // privilege separation directory sshd insists on
  const keygen = (file: string) =>
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", file], { stdio: "ignore" });
  keygen(path.join(root, "host_key"));
  keygen(path.join(root, "client_key"));
  writeFileSync(path.join(root, "authorized_keys"), readFileSync(path.join(root, "client_key.pub")));
  const port = await freePort();
  const config = path.join(root, "sshd_config");
  writeFileSync(
    config,
    [
      `ListenAddress 127.0.0.1:${port}`,
      `HostKey ${path.join(root, "host_key")}`,
      `AuthorizedKeysFile ${path.join(root, "authorized_keys")}`,
      `PidFile ${path.join(root, "sshd.pid")}`,
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "PermitRootLogin prohibit-password",
      "UsePAM no",
      "StrictModes no",
      `SetEnv DOCKER_HOST=unix://${options.dockerSocket}`,
      "",
    ].join("\n"),
  );
  const pid = startDaemon("/usr/sbin/sshd", ["-D", "-e", "-f", config], path.join(root, "sshd.log"));
  options.pids.push(pid);
  await waitFor(
    "sshd",
    () =>
      new Promise<true | undefined>((resolve) => {
        const socket = net.connect(port, "127.0.0.1", () => {
          socket.destroy();
          resolve(true);
        });
        socket.on("error", () => resolve(undefined));
      }),
    30_000,
    path.join(root, "sshd.log"),
  );
  const fingerprint = execFileSync("ssh-keygen", ["-l", "-f", path.join(root, "host_key.pub")], {
    encoding: "utf8",
  }).split(" ")[1]!;
  return {
    host: "127.0.0.1",
    port,
    username: os.userInfo().username,
    privateKey: path.join(root, "client_key"),
    hostKeyFingerprint: fingerprint,
  };
}
