// A real Kubernetes control plane built from source (build-k8s.sh): etcd and kube-apiserver on
// 127.0.0.1, RBAC on, an administrator token (system:masters) and a restricted user whose Role
// only reaches one namespace. (Controller manager, scheduler and kwok nodes come next.)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { kubeRequest, KubeHttpError } from "../../lib/kube/raw-request";
import { freePort, startDaemon, waitFor } from "./processes";
import type { KubeClusterInfo } from "./state";
import { makeCa, openssl, signed } from "./tls-certs";

function kubeconfig(server: string, caPem: string, user: string, token: string, namespace?: string): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    `current-context: ${user}`,
    "clusters:",
    `- name: cluster`,
    `  cluster: { server: "${server}", certificate-authority-data: ${Buffer.from(caPem).toString("base64")} }`,
    "users:",
    `- name: ${user}`,
    `  user: { token: ${token} }`,
    "contexts:",
    `- name: ${user}`,
    `  context: { cluster: cluster, user: ${user}${namespace ? `, namespace: ${namespace}` : ""} }`,
    "",
  ].join("\n");
}

// Creates an object with the administrator token; "already exists" is fine (idempotent).
async function kubeCreate(server: string, ca: string, token: string, apiPath: string, body: unknown) {
  const target = {
    kind: "kubernetes" as const,
    server,
    ca,
    insecureSkipTlsVerify: false,
    auth: { type: "token" as const, token },
  };
  await kubeRequest(target, { method: "POST", path: apiPath, body, timeoutMs: 10_000, tlsVerify: true }).catch(
    (error: unknown) => {
      if (!(error instanceof KubeHttpError && error.statusCode === 409)) throw error;
    },
  );
}

export async function startKubeCluster(options: {
  dir: string;
  name: string;
  bin: string;
}): Promise<{ info: KubeClusterInfo; pids: number[] }> {
  const root = path.join(options.dir, options.name);
  mkdirSync(root, { recursive: true });
  makeCa(root, "ca");
  signed(
    root,
    "ca",
    "apiserver",
    "subjectAltName=IP:127.0.0.1,IP:10.0.0.1,DNS:localhost,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n",
  );
  openssl(["genrsa", "-out", "sa.key", "2048"], root);
  openssl(["rsa", "-in", "sa.key", "-pubout", "-out", "sa.pub"], root);
  const adminToken = `admin-${Math.random().toString(36).slice(2)}`;
  const restrictedToken = `restricted-${Math.random().toString(36).slice(2)}`;
  writeFileSync(
    path.join(root, "tokens.csv"),
    `${adminToken},admin,admin-uid,system:masters\n${restrictedToken},restricted,restricted-uid\n`,
  );
  const [etcdClient, etcdPeer, apiPort] = [await freePort(), await freePort(), await freePort()];
  const etcd = startDaemon(
    path.join(options.bin, "etcd"),
    [
      `--data-dir=${path.join(root, "etcd")}`,
      `--listen-client-urls=http://127.0.0.1:${etcdClient}`,
      `--advertise-client-urls=http://127.0.0.1:${etcdClient}`,
      `--listen-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-cluster=default=http://127.0.0.1:${etcdPeer}`,
      "--log-level=warn",
    ],
    path.join(root, "etcd.log"),
  );
  const file = (name: string) => path.join(root, name);
  const apiserver = startDaemon(
    path.join(options.bin, "kube-apiserver"),
    [
      `--etcd-servers=http://127.0.0.1:${etcdClient}`,
      "--bind-address=127.0.0.1",
      "--advertise-address=127.0.0.1",
      `--secure-port=${apiPort}`,
      `--tls-cert-file=${file("apiserver.pem")}`,
      `--tls-private-key-file=${file("apiserver-key.pem")}`,
      `--client-ca-file=${file("ca.pem")}`,
      `--service-account-key-file=${file("sa.pub")}`,
      `--service-account-signing-key-file=${file("sa.key")}`,
      "--service-account-issuer=https://kubernetes.default.svc",
      "--authorization-mode=Node,RBAC",
      `--token-auth-file=${file("tokens.csv")}`,
      "--service-cluster-ip-range=10.0.0.0/24",
      `--cert-dir=${file("certs")}`,
    ],
    file("apiserver.log"),
  );
  const server = `https://127.0.0.1:${apiPort}`;
  const ca = readFileSync(file("ca.pem"), "utf8");
  const namespace = "team-a";
  // The first write that succeeds proves the server is up, TLS is right and the token works.
  await waitFor(
    `kube-apiserver ${options.name}`,
    async () => {
      await kubeCreate(server, ca, adminToken, "/api/v1/namespaces", {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name: namespace },
      });
      return true;
    },
    120_000,
    file("apiserver.log"),
  );
  await kubeCreate(server, ca, adminToken, `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/roles`, {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "Role",
    metadata: { name: "reader", namespace },
    rules: [
      { apiGroups: [""], resources: ["pods", "pods/log", "services", "configmaps"], verbs: ["get", "list", "watch"] },
    ],
  });
  await kubeCreate(server, ca, adminToken, `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/rolebindings`, {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name: "restricted-reader", namespace },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "reader" },
    subjects: [{ kind: "User", name: "restricted", apiGroup: "rbac.authorization.k8s.io" }],
  });
  writeFileSync(file("admin.kubeconfig"), kubeconfig(server, ca, "admin", adminToken));
  writeFileSync(file("restricted.kubeconfig"), kubeconfig(server, ca, "restricted", restrictedToken, namespace));
  const k8sVersion = path.basename(path.dirname(options.bin)).split("-kwok-")[0]!;
  return {
    info: {
      name: options.name,
      server,
      ca: file("ca.pem"),
      adminToken,
      adminKubeconfig: file("admin.kubeconfig"),
      restricted: { token: restrictedToken, namespace, kubeconfig: file("restricted.kubeconfig") },
      version: k8sVersion,
    },
    pids: [apiserver, etcd],
  };
}
