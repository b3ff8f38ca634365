// What an endpoint connects to, and with which credentials. The whole target is encrypted at rest
// (lib/secrets); only its display address and auth kind are stored in clear.
import { z } from "zod";

const pem = z
  .string()
  .trim()
  .min(1)
  .max(64 * 1024);
const host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.\-_:[\]]+$/, "invalid host name");
const port = z.coerce.number().int().min(1).max(65535);

export const dockerTargetSchema = z.discriminatedUnion("transport", [
  z.object({
    kind: z.literal("docker"),
    transport: z.literal("socket"),
    socketPath: z.string().trim().startsWith("/", "socket path must be absolute").max(4096),
  }),
  z.object({
    kind: z.literal("docker"),
    transport: z.literal("tcp"),
    host,
    port,
    // Present: TLS (https); client certificate and key optional, both or neither.
    tls: z.object({ ca: pem.optional(), cert: pem.optional(), key: pem.optional() }).optional(),
  }),
  z.object({
    kind: z.literal("docker"),
    transport: z.literal("ssh"),
    host,
    port: port.default(22),
    username: z.string().trim().min(1).max(64),
    privateKey: pem,
    passphrase: z.string().max(1024).optional(),
  }),
]);

/** Why a Kubernetes server URL cannot be used as given, or null. */
export function kubeServerProblem(server: string, plainHttp: boolean | undefined): string | null {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return `"${server}" is not a URL`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "the server URL must start with https://";
  // Credentials belong in the credential fields, where they are encrypted and never shown.
  if (url.username || url.password) return "the server URL must not contain a user name or password";
  if (url.protocol === "http:" && !plainHttp)
    return "plain http:// sends the token unencrypted: use https://, or confirm plain HTTP (plainHttp) for a trusted network";
  return null;
}

export const kubeTargetSchema = z.object({
  kind: z.literal("kubernetes"),
  server: z.string().trim().min(1, "the server URL is required").max(2048),
  /** Plain http:// was asked for explicitly. */
  plainHttp: z.boolean().optional(),
  ca: pem.optional(),
  insecureSkipTlsVerify: z.boolean().default(false),
  auth: z.discriminatedUnion("type", [
    z.object({
      type: z.literal("token"),
      token: z
        .string()
        .trim()
        .min(1)
        .max(16 * 1024),
    }),
    z.object({ type: z.literal("certificate"), cert: pem, key: pem }),
    z.object({ type: z.literal("none") }),
  ]),
  namespace: z.string().optional(),
});

/** What a person may enter (stored targets are read with the plain schema above). */
export const kubeTargetInputSchema = kubeTargetSchema.superRefine((target, ctx) => {
  const problem = kubeServerProblem(target.server, target.plainHttp);
  if (problem) ctx.addIssue({ code: "custom", path: ["server"], message: problem });
});

export type DockerTarget = z.infer<typeof dockerTargetSchema>;
export type KubeTarget = z.infer<typeof kubeTargetSchema>;
export type EndpointTarget = DockerTarget | KubeTarget;

export function displayAddress(target: EndpointTarget): string {
  if (target.kind === "kubernetes") return target.server;
  switch (target.transport) {
    case "socket":
      return `unix://${target.socketPath}`;
    case "tcp":
      return `tcp://${target.host}:${target.port}`;
    case "ssh":
      return `ssh://${target.username}@${target.host}:${target.port}`;
  }
}

export function authKindOf(target: EndpointTarget, viaKubeconfig = false): string {
  if (target.kind === "kubernetes") return viaKubeconfig ? "kubeconfig" : target.auth.type;
  if (target.transport === "tcp") return target.tls ? "tls" : "tcp";
  return target.transport;
}
