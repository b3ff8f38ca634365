// A real Kubernetes cluster on 127.0.0.1, from binaries built from source (build-k8s.sh): etcd,
// kube-apiserver (RBAC on), kube-controller-manager, kube-scheduler, and kwok simulating the nodes,
// pod status, pod logs (from a CRI-format file, with follow), exec (run on this host) and kubelet
// resource metrics, which metrics-server serves as metrics.k8s.io through the aggregation layer.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { KubeTarget } from "../../lib/endpoints/target";
import { createClusterObjects, createWidget, kubeCreate, RESTRICTED_NAMESPACE } from "./kube-objects";
import { aggregationCerts, startMetricsServer } from "./metrics-server";
import { freePort, startDaemon, waitFor } from "./processes";
import type { KubeClusterInfo } from "./state";
import { makeCa, openssl, signed } from "./tls-certs";

function kubeconfig(server: string, caPem: string, user: string, token: string, namespace?: string): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    `current-context: ${user}`,
    "clusters:",
    "- name: cluster",
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

const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => readFileSync(path.join(dir, f), "utf8").trim());

/**
 * kwok's configuration: its Stages and kubelet resource metrics (pod usage from the
 * kwok.x-k8s.io/usage-cpu and -memory annotations, else 1m and 1Mi), plus where pod logs come
 * from and how exec runs.
 */
function kwokConfig(kwokDir: string, logFile: string, previousLogFile: string): string {
  const resources = [...yamlFiles(path.join(kwokDir, "stages")), ...yamlFiles(path.join(kwokDir, "metrics"))];
  const logs = `kind: ClusterLogs\napiVersion: kwok.x-k8s.io/v1alpha1\nmetadata: { name: all-pods }\nspec:\n  logs:\n  - logsFile: ${logFile}\n    previousLogsFile: ${previousLogFile}\n    follow: true`;
  const exec = `kind: ClusterExec\napiVersion: kwok.x-k8s.io/v1alpha1\nmetadata: { name: all-pods }\nspec:\n  execs:\n  - local: {}`;
  return [...resources, logs, exec].join("\n---\n") + "\n";
}

/** Process ids are added to `pids` as each server starts, so `down` can stop them even if a later step fails. */
export async function startKubeCluster(options: {
  dir: string;
  name: string;
  bin: string;
  pids: number[];
  /** Run metrics-server for this cluster (metrics.k8s.io through the aggregation layer). */
  metrics: boolean;
}): Promise<KubeClusterInfo> {
  const root = path.join(options.dir, options.name);
  const file = (name: string) => path.join(root, name);
  const bin = (name: string) => path.join(options.bin, name);
  mkdirSync(root, { recursive: true });
  makeCa(root, "ca");
  signed(
    root,
    "ca",
    "apiserver",
    "subjectAltName=IP:127.0.0.1,IP:10.0.0.1,DNS:localhost,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n",
  );
  signed(root, "ca", "kwok", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
  const aggregation = aggregationCerts(root);
  openssl(["genrsa", "-out", "sa.key", "2048"], root);
  openssl(["rsa", "-in", "sa.key", "-pubout", "-out", "sa.pub"], root);
  const adminToken = `admin-${Math.random().toString(36).slice(2)}`;
  const restrictedToken = `restricted-${Math.random().toString(36).slice(2)}`;
  writeFileSync(
    file("tokens.csv"),
    `${adminToken},admin,admin-uid,system:masters\n${restrictedToken},restricted,restricted-uid\n`,
  );
  const [etcdClient, etcdPeer, apiPort, cmPort, schedulerPort, kwokPort] = await Promise.all(
    Array.from({ length: 6 }, freePort),
  );
  const pids = options.pids;

  pids.push(
    startDaemon(
      bin("etcd"),
      [
        `--data-dir=${file("etcd")}`,
        `--listen-client-urls=http://127.0.0.1:${etcdClient}`,
        `--advertise-client-urls=http://127.0.0.1:${etcdClient}`,
        `--listen-peer-urls=http://127.0.0.1:${etcdPeer}`,
        `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeer}`,
        `--initial-cluster=default=http://127.0.0.1:${etcdPeer}`,
        "--log-level=warn",
      ],
      file("etcd.log"),
    ),
  );
  pids.push(
    startDaemon(
      bin("kube-apiserver"),
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
        "--kubelet-preferred-address-types=InternalIP",
        `--cert-dir=${file("certs")}`,
        ...aggregation,
      ],
      file("apiserver.log"),
    ),
  );
  const server = `https://127.0.0.1:${apiPort}`;
  const ca = readFileSync(file("ca.pem"), "utf8");
  const admin: KubeTarget = {
    kind: "kubernetes",
    server,
    ca,
    insecureSkipTlsVerify: false,
    auth: { type: "token", token: adminToken },
  };
  writeFileSync(file("admin.kubeconfig"), kubeconfig(server, ca, "admin", adminToken));
  writeFileSync(
    file("restricted.kubeconfig"),
    kubeconfig(server, ca, "restricted", restrictedToken, RESTRICTED_NAMESPACE),
  );
  // The first write that succeeds proves the server is up, TLS is right and the token works.
  await waitFor(
    `kube-apiserver ${options.name}`,
    async () => {
      await kubeCreate(admin, "/api/v1/namespaces", {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name: RESTRICTED_NAMESPACE },
      });
      return true;
    },
    120_000,
    file("apiserver.log"),
  );

  const common = [`--kubeconfig=${file("admin.kubeconfig")}`, "--leader-elect=false", "--bind-address=127.0.0.1"];
  pids.push(
    startDaemon(
      bin("kube-controller-manager"),
      [
        ...common,
        `--secure-port=${cmPort}`,
        `--root-ca-file=${file("ca.pem")}`,
        `--service-account-private-key-file=${file("sa.key")}`,
      ],
      file("controller-manager.log"),
    ),
  );
  pids.push(startDaemon(bin("kube-scheduler"), [...common, `--secure-port=${schedulerPort}`], file("scheduler.log")));
  const logFile = file("pod-logs.log");
  writeFileSync(logFile, `${new Date().toISOString()} stdout F ${options.name} pod log starts\n`);
  // What every pod's previous container instance said (kubectl logs --previous).
  const previousLogFile = file("pod-previous.log");
  writeFileSync(
    previousLogFile,
    `${new Date().toISOString()} stdout F ${options.name} previous instance: before the crash\n`,
  );
  writeFileSync(file("kwok.yaml"), kwokConfig(path.dirname(options.bin), logFile, previousLogFile));
  pids.push(
    startDaemon(
      bin("kwok"),
      [
        `--kubeconfig=${file("admin.kubeconfig")}`,
        `--config=${file("kwok.yaml")}`,
        `--tls-cert-file=${file("kwok.pem")}`,
        `--tls-private-key-file=${file("kwok-key.pem")}`,
        "--manage-all-nodes=false",
        "--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake",
        "--node-ip=127.0.0.1",
        `--node-name=${options.name}-kwok`,
        `--node-port=${kwokPort}`,
        `--server-address=127.0.0.1:${kwokPort}`,
        "--node-lease-duration-seconds=40",
      ],
      file("kwok.log"),
    ),
  );

  const metricsServer = options.metrics ? await startMetricsServer({ root, bin: options.bin, admin, pids }) : null;
  await createClusterObjects(admin, options.name);
  await waitFor("the Widget CRD", async () => (await createWidget(admin), true), 30_000);
  const version = path.basename(path.dirname(options.bin)).split("-kwok-")[0]!;
  return {
    name: options.name,
    server,
    ca: file("ca.pem"),
    adminToken,
    adminKubeconfig: file("admin.kubeconfig"),
    restricted: { token: restrictedToken, namespace: RESTRICTED_NAMESPACE, kubeconfig: file("restricted.kubeconfig") },
    podLogFile: logFile,
    podPreviousLogFile: previousLogFile,
    metricsServer,
    version,
  };
}
