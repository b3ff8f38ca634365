// A dockerode client for a Docker target. The API version is left unset: dockerode does not
// negotiate, and older engines (Debian's 20.10 speaks 1.41) reject a newer pinned version.
import { createHash } from "node:crypto";
import https from "node:https";
import Docker from "dockerode";
import type { DockerTarget } from "../endpoints/target";

export interface DockerConnectOptions {
  tlsVerify: boolean;
  timeoutMs: number;
  /** For SSH: the recorded host key fingerprint; undefined = record on first use. */
  sshHostKey?: string | null;
  /** For SSH: called with the fingerprint the server presented. */
  onSshHostKey?: (fingerprint: string, accepted: boolean) => void;
}

export function sshFingerprint(key: Buffer): string {
  return `SHA256:${createHash("sha256").update(key).digest("base64").replace(/=+$/, "")}`;
}

export function connectDocker(target: DockerTarget, options: DockerConnectOptions): Docker {
  // Time allowed until the engine starts answering. No idle timeout: it would cut followed log
  // and event streams that are quiet for a while, and docker-modem's SSH channel cannot take one.
  const common = { connectionTimeout: options.timeoutMs };
  switch (target.transport) {
    case "socket":
      return new Docker({ socketPath: target.socketPath, ...common });
    case "tcp":
      if (!target.tls) return new Docker({ protocol: "http", host: target.host, port: target.port, ...common });
      return new Docker({
        protocol: "https",
        host: target.host,
        port: target.port,
        agent: new https.Agent({
          ca: target.tls.ca,
          cert: target.tls.cert,
          key: target.tls.key,
          rejectUnauthorized: options.tlsVerify,
          keepAlive: true,
        }),
        ...common,
      } as Docker.DockerOptions);
    case "ssh":
      return new Docker({
        protocol: "ssh",
        host: target.host,
        port: target.port,
        username: target.username,
        sshOptions: {
          privateKey: target.privateKey,
          passphrase: target.passphrase,
          readyTimeout: options.timeoutMs,
          agent: undefined,
          hostVerifier: (key: Buffer) => {
            const fingerprint = sshFingerprint(key);
            const accepted = !options.sshHostKey || options.sshHostKey === fingerprint;
            options.onSshHostKey?.(fingerprint, accepted);
            return accepted;
          },
        },
        ...common,
      } as Docker.DockerOptions);
  }
}
