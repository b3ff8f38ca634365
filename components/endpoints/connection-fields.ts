// Form state of the endpoint editor and how it becomes the API's connection input.
export type Mode = "socket" | "tcp" | "tls" | "ssh" | "kubeconfig" | "token" | "certificate";

export interface FormState {
  name: string;
  /** Comma-separated. */
  tags: string;
  mode: Mode;
  tlsVerify: boolean;
  socketPath: string;
  host: string;
  port: string;
  username: string;
  ca: string;
  cert: string;
  key: string;
  privateKey: string;
  passphrase: string;
  server: string;
  token: string;
  kubeconfig: string;
  context: string;
  plainHttp: boolean;
  /** Kubernetes: impersonate the signed-in person. */
  impersonate: boolean;
}

export const emptyForm: FormState = {
  name: "",
  tags: "",
  mode: "socket",
  tlsVerify: true,
  socketPath: "/var/run/docker.sock",
  host: "",
  port: "",
  username: "",
  ca: "",
  cert: "",
  key: "",
  privateKey: "",
  passphrase: "",
  server: "",
  token: "",
  kubeconfig: "",
  context: "",
  plainHttp: false,
  impersonate: false,
};

const opt = (value: string) => (value.trim() ? value : undefined);

/** Empty secret fields are left out, which keeps the stored value when editing. */
export function toConnection(f: FormState): Record<string, unknown> {
  switch (f.mode) {
    case "socket":
      return { kind: "docker", transport: "socket", socketPath: f.socketPath };
    case "tcp":
      return { kind: "docker", transport: "tcp", host: f.host, port: f.port || "2375" };
    case "tls":
      return {
        kind: "docker",
        transport: "tcp",
        host: f.host,
        port: f.port || "2376",
        tls: { ca: opt(f.ca), cert: opt(f.cert), key: opt(f.key) },
      };
    case "ssh":
      return {
        kind: "docker",
        transport: "ssh",
        host: f.host,
        port: f.port || "22",
        username: f.username,
        privateKey: opt(f.privateKey),
        passphrase: opt(f.passphrase),
      };
    case "kubeconfig":
      return { kind: "kubernetes-kubeconfig", kubeconfig: f.kubeconfig, context: f.context };
    case "token":
      return {
        kind: "kubernetes",
        server: f.server,
        plainHttp: f.plainHttp || undefined,
        ca: opt(f.ca),
        auth: opt(f.token) ? { type: "token", token: f.token } : undefined,
      };
    case "certificate":
      return {
        kind: "kubernetes",
        server: f.server,
        plainHttp: f.plainHttp || undefined,
        ca: opt(f.ca),
        auth: opt(f.cert) || opt(f.key) ? { type: "certificate", cert: f.cert, key: f.key } : undefined,
      };
  }
}

export const MODES: { value: Mode; label: string }[] = [
  { value: "socket", label: "Docker · local socket" },
  { value: "tcp", label: "Docker · TCP (plain)" },
  { value: "tls", label: "Docker · TCP with TLS" },
  { value: "ssh", label: "Docker · SSH" },
  { value: "kubeconfig", label: "Kubernetes · kubeconfig" },
  { value: "token", label: "Kubernetes · server URL + token" },
  { value: "certificate", label: "Kubernetes · client certificate" },
];
