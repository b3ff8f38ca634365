// metrics-server (built from source) for a test cluster: it scrapes kwok's emulated kubelet
// /metrics/resource and is served as metrics.k8s.io through kube-apiserver's aggregation layer.
//
// How the aggregator reaches it on 127.0.0.1: an ExternalName Service. With the default
// (cluster-IP) service resolver the aggregator dials `externalName:port` from the APIService;
// --enable-aggregator-routing=true would resolve through EndpointSlices instead, which refuse
// loopback addresses ("may not be in the loopback range (127.0.0.0/8, ::1/128)") and which that
// resolver would not accept for an ExternalName Service anyway ("unsupported service type").
import path from "node:path";
import type { KubeTarget } from "../../lib/endpoints/target";
import { kubeCreate } from "./kube-objects";
import { freePort, startDaemon, waitFor } from "./processes";
import { makeCa, signed } from "./tls-certs";
import { kubeRequest } from "../../lib/kube/raw-request";

/** metrics-server keeps one point per scrape; CPU needs two, so usage shows after about twice this. */
export const METRIC_RESOLUTION_SECONDS = 10;
const SERVICE = { name: "metrics-server", namespace: "kube-system" };

/**
 * The front-proxy CA and client certificate the API server presents to aggregated servers, and
 * metrics-server's serving certificate (the aggregator checks it against the cluster CA under the
 * Service's DNS name). Returns kube-apiserver's aggregation flags.
 */
export function aggregationCerts(root: string): string[] {
  const file = (name: string) => path.join(root, name);
  makeCa(root, "front-proxy-ca");
  signed(root, "front-proxy-ca", "front-proxy-client", "extendedKeyUsage=clientAuth\n");
  signed(
    root,
    "ca",
    "metrics-server",
    `subjectAltName=DNS:${SERVICE.name}.${SERVICE.namespace}.svc,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n`,
  );
  return [
    `--requestheader-client-ca-file=${file("front-proxy-ca.pem")}`,
    "--requestheader-allowed-names=front-proxy-client",
    "--requestheader-username-headers=X-Remote-User",
    "--requestheader-group-headers=X-Remote-Group",
    "--requestheader-extra-headers-prefix=X-Remote-Extra-",
    `--proxy-client-cert-file=${file("front-proxy-client.pem")}`,
    `--proxy-client-key-file=${file("front-proxy-client-key.pem")}`,
  ];
}

/**
 * Starts metrics-server against the running API server (it reads the front-proxy CA from the
 * extension-apiserver-authentication ConfigMap at start) and registers its APIService.
 */
export async function startMetricsServer(options: {
  root: string;
  bin: string;
  admin: KubeTarget;
  pids: number[];
}): Promise<{ url: string; log: string }> {
  const file = (name: string) => path.join(options.root, name);
  const port = await freePort();
  const log = file("metrics-server.log");
  const kubeconfig = file("admin.kubeconfig");
  options.pids.push(
    startDaemon(
      path.join(options.bin, "metrics-server"),
      [
        "--bind-address=127.0.0.1",
        `--secure-port=${port}`,
        `--tls-cert-file=${file("metrics-server.pem")}`,
        `--tls-private-key-file=${file("metrics-server-key.pem")}`,
        `--kubeconfig=${kubeconfig}`,
        `--authentication-kubeconfig=${kubeconfig}`,
        `--authorization-kubeconfig=${kubeconfig}`,
        // kwok serves every node's kubelet endpoints on 127.0.0.1 with a cluster-CA certificate.
        `--kubelet-certificate-authority=${file("ca.pem")}`,
        "--kubelet-preferred-address-types=InternalIP",
        "--kubelet-use-node-status-port",
        `--metric-resolution=${METRIC_RESOLUTION_SECONDS}s`,
        // Must stay below the resolution (its default equals the 10 s minimum, which it refuses).
        "--kubelet-request-timeout=5s",
      ],
      log,
    ),
  );
  const url = `https://127.0.0.1:${port}`;
  await kubeCreate(options.admin, `/api/v1/namespaces/${SERVICE.namespace}/services`, {
    apiVersion: "v1",
    kind: "Service",
    metadata: SERVICE,
    spec: { type: "ExternalName", externalName: "127.0.0.1" },
  });
  await kubeCreate(options.admin, "/apis/apiregistration.k8s.io/v1/apiservices", {
    apiVersion: "apiregistration.k8s.io/v1",
    kind: "APIService",
    metadata: { name: "v1beta1.metrics.k8s.io" },
    spec: {
      group: "metrics.k8s.io",
      version: "v1beta1",
      groupPriorityMinimum: 100,
      versionPriority: 100,
      service: { ...SERVICE, port },
      caBundle: Buffer.from(options.admin.ca ?? "").toString("base64"),
    },
  });
  // Serving is enough here; metrics follow after the first scrapes (tests poll for them).
  await waitFor(
    "metrics-server",
    () =>
      kubeRequest<unknown>(
        { ...options.admin, server: url },
        { path: "/livez", timeoutMs: 2_000, tlsVerify: true },
      ).then(() => true),
    30_000,
    log,
  );
  return { url, log };
}
