// What every test cluster holds: kwok nodes, a restricted user's Role in one namespace, and a
// sample namespace with one of each common kind (and a CRD with an instance).
import { kubeRequest, KubeHttpError } from "../../lib/kube/raw-request";
import type { KubeTarget } from "../../lib/endpoints/target";

export const RESTRICTED_NAMESPACE = "team-a";
export const SAMPLE_NAMESPACE = "sample";
export const NODE_COUNT = 3;

/** Creates an object; "already exists" is fine, so set-up can be repeated. */
export async function kubeCreate(target: KubeTarget, apiPath: string, body: unknown): Promise<void> {
  await kubeRequest(target, { method: "POST", path: apiPath, body, timeoutMs: 10_000, tlsVerify: true }).catch(
    (error: unknown) => {
      if (!(error instanceof KubeHttpError && error.statusCode === 409)) throw error;
    },
  );
}

const meta = (name: string, namespace?: string, labels?: Record<string, string>) => ({ name, namespace, labels });
const podTemplate = (app: string) => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: app, image: "dashboard-test/busybox:1", command: ["emit-lines", "1", "0"] }] },
});

function sampleObjects(): [string, unknown][] {
  const ns = SAMPLE_NAMESPACE;
  const core = `/api/v1/namespaces/${ns}`;
  const apps = `/apis/apps/v1/namespaces/${ns}`;
  return [
    [`/api/v1/namespaces`, { apiVersion: "v1", kind: "Namespace", metadata: meta(ns) }],
    [
      `${core}/configmaps`,
      { apiVersion: "v1", kind: "ConfigMap", metadata: meta("web-config", ns), data: { GREETING: "hello" } },
    ],
    [
      `${core}/secrets`,
      { apiVersion: "v1", kind: "Secret", metadata: meta("web-secret", ns), stringData: { password: "s3cret-sample" } },
    ],
    [
      `${core}/services`,
      {
        apiVersion: "v1",
        kind: "Service",
        metadata: meta("web", ns),
        spec: { selector: { app: "web" }, ports: [{ port: 80 }] },
      },
    ],
    [
      `${apps}/deployments`,
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: meta("web", ns),
        spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: podTemplate("web") },
      },
    ],
    [
      `${apps}/statefulsets`,
      {
        apiVersion: "apps/v1",
        kind: "StatefulSet",
        metadata: meta("db", ns),
        spec: { replicas: 1, serviceName: "db", selector: { matchLabels: { app: "db" } }, template: podTemplate("db") },
      },
    ],
    [
      `/apis/batch/v1/namespaces/${ns}/cronjobs`,
      {
        apiVersion: "batch/v1",
        kind: "CronJob",
        metadata: meta("nightly", ns),
        spec: {
          schedule: "0 3 * * *",
          jobTemplate: {
            spec: {
              template: {
                spec: {
                  restartPolicy: "Never",
                  containers: [{ name: "job", image: "dashboard-test/busybox:1", command: ["true"] }],
                },
              },
            },
          },
        },
      },
    ],
  ];
}

const WIDGET_CRD = {
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: "widgets.fleetdeck.test" },
  spec: {
    group: "fleetdeck.test",
    names: { plural: "widgets", singular: "widget", kind: "Widget" },
    scope: "Namespaced",
    versions: [
      {
        name: "v1",
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: "object",
            properties: { spec: { type: "object", properties: { size: { type: "integer" } } } },
          },
        },
        additionalPrinterColumns: [{ name: "Size", type: "integer", jsonPath: ".spec.size" }],
      },
    ],
  },
};

function restrictedAccess(): [string, unknown][] {
  const ns = RESTRICTED_NAMESPACE;
  const rbac = `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}`;
  return [
    [`/api/v1/namespaces`, { apiVersion: "v1", kind: "Namespace", metadata: meta(ns) }],
    [
      `${rbac}/roles`,
      {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "Role",
        metadata: meta("reader", ns),
        rules: [
          {
            apiGroups: ["", "apps"],
            resources: ["pods", "pods/log", "services", "configmaps", "deployments"],
            verbs: ["get", "list", "watch"],
          },
        ],
      },
    ],
    [
      `${rbac}/rolebindings`,
      {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "RoleBinding",
        metadata: meta("restricted-reader", ns),
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "reader" },
        subjects: [{ kind: "User", name: "restricted", apiGroup: "rbac.authorization.k8s.io" }],
      },
    ],
  ];
}

function kwokNodes(cluster: string): [string, unknown][] {
  return Array.from({ length: NODE_COUNT }, (_, i) => [
    "/api/v1/nodes",
    {
      apiVersion: "v1",
      kind: "Node",
      metadata: {
        name: `${cluster}-node-${i + 1}`,
        annotations: {
          "kwok.x-k8s.io/node": "fake",
          "node.alpha.kubernetes.io/ttl": "0",
          // Where kwok serves this node's emulated kubelet /metrics/resource (metrics-server reads it).
          "metrics.k8s.io/resource-metrics-path": `/metrics/nodes/${cluster}-node-${i + 1}/metrics/resource`,
        },
        labels: { type: "kwok", "kubernetes.io/hostname": `${cluster}-node-${i + 1}`, "kubernetes.io/os": "linux" },
      },
      status: {
        allocatable: { cpu: "32", memory: "256Gi", pods: "110" },
        capacity: { cpu: "32", memory: "256Gi", pods: "110" },
      },
    },
  ]);
}

export async function createClusterObjects(target: KubeTarget, cluster: string): Promise<void> {
  for (const [apiPath, body] of [...kwokNodes(cluster), ...restrictedAccess()]) await kubeCreate(target, apiPath, body);
  await kubeCreate(target, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", WIDGET_CRD);
  for (const [apiPath, body] of sampleObjects()) await kubeCreate(target, apiPath, body);
}

/** The CRD's instance, once its API is served (a moment after the CRD is created). */
export async function createWidget(target: KubeTarget): Promise<void> {
  await kubeCreate(target, `/apis/fleetdeck.test/v1/namespaces/${SAMPLE_NAMESPACE}/widgets`, {
    apiVersion: "fleetdeck.test/v1",
    kind: "Widget",
    metadata: meta("gizmo", SAMPLE_NAMESPACE),
    spec: { size: 3 },
  });
}
