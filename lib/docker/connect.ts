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
  /**
   * For SSH with no recorded key: decides on the first key seen (record it, then accept only the
   * key that is recorded). Without it, an unrecorded key is accepted (a connection test).
   */
  trustFirstSshHostKey?: (fingerprint: string) => Promise<boolean>;
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
          hostVerifier: (key: Buffer, verify: (accepted: boolean) => void) => {
            const fingerprint = sshFingerprint(key);
            const decide = (accepted: boolean) => {
              options.onSshHostKey?.(fingerprint, accepted);
              verify(accepted);
            };
            if (options.sshHostKey) return decide(options.sshHostKey === fingerprint);
            if (!options.trustFirstSshHostKey) return decide(true);
            options.trustFirstSshHostKey(fingerprint).then(decide, () => decide(false));
          },
        },
        ...common,
      } as Docker.DockerOptions);
  }
}
