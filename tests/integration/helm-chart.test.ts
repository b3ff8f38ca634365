// The Helm chart in deploy/helm/fleetdeck as an operator meets it: `helm lint --strict` passes, the
// rendered objects say what a reviewer checks (replicas, non-root, read-only root filesystem, probes,
// disruption budget, secrets by reference only), and test cluster 1's API server accepts every
// rendered object (server-side apply, dry run) — so a wrong field fails here in its own words.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments, stringify } from "yaml";
import { BUILT_IN_KINDS } from "@/lib/kube/kinds/catalog";
import { resourcePath } from "@/lib/kube/kinds/kind";
import { KubeHttpError, kubeRequest, type KubeRequestOptions } from "@/lib/kube/raw-request";
import { runHelm } from "../support/helm";
import { adminTarget } from "../support/kube-target";

const CHART = path.resolve(import.meta.dirname, "../../deploy/helm/fleetdeck");
const RELEASE = "fd";
const NS = `helm-${Date.now().toString(36)}`;
const target = adminTarget();
const k8s = <T>(options: Omit<KubeRequestOptions, "timeoutMs" | "tlsVerify">) =>
  kubeRequest<T>(target, { timeoutMs: 15_000, tlsVerify: true, ...options });

// What a user must give when the chart makes the Secret; distinctive, to be looked for in the output.
const SECRETS = {
  databaseUrl: "postgresql://fleetdeck:db-pass-4f1c@postgres.db:5432/fleetdeck",
  encryptionKey: Buffer.alloc(32, 9).toString("base64"),
  nextauthSecret: "session-secret-7d2e-session-secret-7d2e",
  metricsToken: "metrics-token-5a9b",
};

// An install as a production user writes it: their own Secret, an ingress with TLS, 3 replicas.
const PRODUCTION = {
  replicaCount: 3,
  existingSecret: "fleetdeck-secrets",
  image: { repository: "registry.example.com/fleetdeck", tag: "1.2.3" },
  ingress: {
    enabled: true,
    className: "nginx",
    annotations: { "cert-manager.io/cluster-issuer": "letsencrypt" },
    hosts: [{ host: "fleetdeck.example.com", paths: [{ path: "/", pathType: "Prefix" }] }],
    tls: [{ secretName: "fleetdeck-tls", hosts: ["fleetdeck.example.com"] }],
  },
  extraEnv: [{ name: "OIDC_ISSUER", value: "https://sso.example.com" }],
  metrics: { scrapeAnnotations: true },
};

type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: unknown;
};
type EnvVar = { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } };
type Container = {
  image: string;
  env: EnvVar[];
  ports: { name: string; containerPort: number }[];
  securityContext: Record<string, unknown>;
  startupProbe: { httpGet: { path: string; port: string } };
  livenessProbe: { httpGet: { path: string; port: string } };
  readinessProbe: { httpGet: { path: string; port: string } };
  volumeMounts: { name: string; mountPath: string }[];
};
type PodSpec = {
  securityContext: Record<string, unknown>;
  automountServiceAccountToken: boolean;
  containers: Container[];
  volumes: { name: string; emptyDir?: object }[];
  topologySpreadConstraints: { topologyKey: string; whenUnsatisfiable: string }[];
};

let home = "";

function writeValues(name: string, values: object): string {
  const file = path.join(home, name);
  writeFileSync(file, stringify(values));
  return file;
}

/** `helm template` with these values files; the documents it renders, or helm's refusal. */
function render(valuesFiles: string[]) {
  const result = runHelm(
    ["template", RELEASE, CHART, "--namespace", NS, ...valuesFiles.flatMap((f) => ["--values", f])],
    { home },
  );
  const manifests = result.status
    ? []
    : parseAllDocuments(result.stdout)
        .map((doc) => doc.toJS() as Manifest | null)
        .filter((m): m is Manifest => m !== null);
  return { ...result, manifests, text: result.stdout };
}

function only(manifests: Manifest[], kind: string): Manifest {
  const found = manifests.filter((m) => m.kind === kind);
  expect(found.map((m) => m.kind)).toEqual([kind]);
  return found[0]!;
}

const podSpec = (deployment: Manifest) =>
  (deployment as unknown as { spec: { template: { spec: PodSpec } } }).spec.template.spec;
const envOf = (deployment: Manifest) => new Map(podSpec(deployment).containers[0]!.env.map((e) => [e.name, e]));

/** Sends each object to cluster 1 as a server-side apply with dryRun=All; the API server's answer per object. */
async function dryRunApply(manifests: Manifest[]) {
  const answers: { object: string; status: number; message: string }[] = [];
  for (const manifest of manifests) {
    const [group, version] = manifest.apiVersion.includes("/")
      ? manifest.apiVersion.split("/", 2)
      : ["", manifest.apiVersion];
    const kind = BUILT_IN_KINDS.find((k) => k.kind === manifest.kind && k.group === group);
    if (!kind) throw new Error(`the chart renders ${manifest.kind} (${manifest.apiVersion}), unknown to this test`);
    const object = `${manifest.kind}/${manifest.metadata.name}`;
    try {
      await k8s({
        method: "PATCH",
        path: resourcePath({ ...kind, version: version! }, { namespace: NS, name: manifest.metadata.name }),
        query: { fieldManager: "fleetdeck-chart-test", dryRun: "All" },
        contentType: "application/apply-patch+yaml",
        body: stringify(manifest),
      });
      answers.push({ object, status: 200, message: "" });
    } catch (error) {
      if (!(error instanceof KubeHttpError)) throw error;
      answers.push({ object, status: error.statusCode, message: error.message });
    }
  }
  return answers;
}

beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-helm-"));
  await k8s({ method: "POST", path: "/api/v1/namespaces", body: { metadata: { name: NS } } });
});

afterAll(async () => {
  await k8s({ method: "DELETE", path: `/api/v1/namespaces/${NS}` }).catch(() => undefined);
  if (home) rmSync(home, { recursive: true, force: true });
});

describe("Helm chart deploy/helm/fleetdeck", () => {
  it("passes helm lint --strict, with its defaults and with production values", () => {
    for (const values of [[], ["--values", writeValues("lint-production.yaml", PRODUCTION)]]) {
      const lint = runHelm(["lint", "--strict", CHART, ...values], { home });
      expect(lint.status, lint.stdout + lint.stderr).toBe(0);
      expect(lint.stdout).toContain("1 chart(s) linted, 0 chart(s) failed");
    }
  });

  it("refuses to render without the database URL and keys, saying which value is missing", () => {
    const refused = render([]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain("secrets.databaseUrl is required");
    expect(refused.stderr).toContain("existingSecret");
  });

  it("renders by default 2 hardened replicas with probes, a disruption budget and secrets only by reference", async () => {
    const rendered = render([writeValues("secrets.yaml", { secrets: SECRETS })]);
    expect(rendered.status, rendered.stderr).toBe(0);
    const deployment = only(rendered.manifests, "Deployment");
    expect((deployment.spec as { replicas: number }).replicas).toBe(2);

    const pod = podSpec(deployment);
    const container = pod.containers[0]!;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(pod.securityContext).toMatchObject({ seccompProfile: { type: "RuntimeDefault" } });
    expect(container.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ["ALL"] },
    });
    expect(pod.automountServiceAccountToken).toBe(false);
    // Writable places are emptyDir volumes: the data directory, /tmp and Next's cache.
    expect(container.volumeMounts.map((m) => m.mountPath).sort()).toEqual(["/app/.next/cache", "/data", "/tmp"]);
    expect(pod.volumes.every((v) => v.emptyDir)).toBe(true);
    expect(container.ports).toEqual([{ name: "http", containerPort: 3000, protocol: "TCP" }]);
    expect(container.livenessProbe.httpGet).toEqual({ path: "/api/health", port: "http" });
    expect(container.startupProbe.httpGet).toEqual({ path: "/api/health", port: "http" });
    expect(container.readinessProbe.httpGet).toEqual({ path: "/api/ready", port: "http" });
    expect(pod.topologySpreadConstraints[0]).toMatchObject({
      topologyKey: "kubernetes.io/hostname",
      whenUnsatisfiable: "ScheduleAnyway",
    });

    const env = envOf(deployment);
    expect(env.get("HOST")?.value).toBe("0.0.0.0");
    expect(env.get("PORT")?.value).toBe("3000");
    expect(env.get("DATA_DIR")?.value).toBe("/data");
    expect(env.get("NEXTAUTH_URL")?.value).toBe("http://localhost:3000");
    const secret = only(rendered.manifests, "Secret");
    for (const key of ["DATABASE_URL", "ENCRYPTION_KEY", "NEXTAUTH_SECRET", "METRICS_TOKEN"]) {
      expect(env.get(key)?.valueFrom?.secretKeyRef).toMatchObject({ name: secret.metadata.name, key });
      expect(Object.keys(secret.data as object)).toContain(key);
    }
    const deploymentText = stringify(deployment);
    for (const value of Object.values(SECRETS)) expect(deploymentText).not.toContain(value);
    // The pods roll when the Secret changes.
    const annotations = (deployment.spec as { template: { metadata: { annotations: Record<string, string> } } })
      .template.metadata.annotations;
    expect(annotations["checksum/secret"]).toMatch(/^[0-9a-f]{64}$/);

    const service = only(rendered.manifests, "Service");
    expect(service.spec).toMatchObject({ type: "ClusterIP", ports: [{ port: 80, targetPort: "http" }] });
    const pdb = only(rendered.manifests, "PodDisruptionBudget");
    expect(pdb.spec).toMatchObject({ minAvailable: 1 });
    expect(rendered.manifests.some((m) => m.kind === "Ingress")).toBe(false);

    const answers = await dryRunApply(rendered.manifests);
    expect(answers.map((a) => a.object).sort()).toEqual(
      ["Deployment", "PodDisruptionBudget", "Secret", "Service", "ServiceAccount"].map(
        (kind) => `${kind}/${RELEASE}-fleetdeck`,
      ),
    );
    expect(answers.filter((a) => a.status >= 300)).toEqual([]);
  });

  it("with ingress, an existing Secret and 3 replicas: no Secret rendered, every object accepted", async () => {
    const rendered = render([writeValues("production.yaml", PRODUCTION)]);
    expect(rendered.status, rendered.stderr).toBe(0);
    expect(rendered.manifests.some((m) => m.kind === "Secret")).toBe(false);
    const deployment = only(rendered.manifests, "Deployment");
    expect((deployment.spec as { replicas: number }).replicas).toBe(3);
    const container = podSpec(deployment).containers[0]!;
    expect(container.image).toBe("registry.example.com/fleetdeck:1.2.3");
    const env = envOf(deployment);
    expect(env.get("DATABASE_URL")?.valueFrom?.secretKeyRef).toMatchObject({ name: "fleetdeck-secrets" });
    expect(env.get("NEXTAUTH_URL")?.value).toBe("https://fleetdeck.example.com");
    expect(env.get("OIDC_ISSUER")?.value).toBe("https://sso.example.com");
    const annotations = (deployment.spec as { template: { metadata: { annotations: Record<string, string> } } })
      .template.metadata.annotations;
    expect(annotations).toMatchObject({ "prometheus.io/scrape": "true", "prometheus.io/path": "/api/metrics" });
    expect(annotations["checksum/secret"]).toBeUndefined();

    const ingress = only(rendered.manifests, "Ingress");
    expect(ingress.spec).toMatchObject({
      ingressClassName: "nginx",
      tls: [{ secretName: "fleetdeck-tls", hosts: ["fleetdeck.example.com"] }],
      rules: [{ host: "fleetdeck.example.com" }],
    });
    expect(only(rendered.manifests, "PodDisruptionBudget").spec).toMatchObject({ minAvailable: 1 });

    const answers = await dryRunApply(rendered.manifests);
    expect(answers).toHaveLength(5);
    expect(answers.filter((a) => a.status >= 300)).toEqual([]);
  });

  it("renders no disruption budget for a single replica (it could only block node drains)", () => {
    const rendered = render([writeValues("single.yaml", { replicaCount: 1, secrets: SECRETS })]);
    expect(rendered.status, rendered.stderr).toBe(0);
    expect(rendered.manifests.map((m) => m.kind)).not.toContain("PodDisruptionBudget");
  });

  it("refuses broken values: helm by the chart's schema, the API server by its own validation", async () => {
    const words = render([writeValues("words.yaml", { replicaCount: "two", secrets: SECRETS })]);
    expect(words.status).not.toBe(0);
    expect(words.stderr).toMatch(/replicaCount.*(integer|number)/);
    const port = render([writeValues("port.yaml", { service: { port: 70000 }, secrets: SECRETS })]);
    expect(port.status).not.toBe(0);
    expect(port.stderr).toContain("/service/port");
    const typo = render([writeValues("typo.yaml", { replicas: 3, secrets: SECRETS })]);
    expect(typo.status).not.toBe(0);
    expect(typo.stderr).toContain("'replicas' not allowed");

    // The schema leaves Kubernetes' own objects to Kubernetes: a memory limit it cannot parse.
    const quantity = render([
      writeValues("quantity.yaml", { resources: { limits: { memory: "lots" } }, secrets: SECRETS }),
    ]);
    expect(quantity.status, quantity.stderr).toBe(0);
    const answers = await dryRunApply(quantity.manifests);
    const refused = answers.filter((a) => a.status >= 300);
    expect(refused.map((a) => a.object)).toEqual([`Deployment/${RELEASE}-fleetdeck`]);
    expect(refused[0]!.message).toMatch(/quantit/i);
  });
});
