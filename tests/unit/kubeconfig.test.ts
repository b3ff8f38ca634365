import { describe, expect, it } from "vitest";
import { listKubeContexts, resolveKubeContext } from "@/lib/kube/kubeconfig";

const pem = (label: string) =>
  Buffer.from(`-----BEGIN ${label}-----\nAAAA\n-----END ${label}-----\n`).toString("base64");

const kubeconfig = (user: string) => `apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: c1
  cluster:
    server: https://127.0.0.1:6443
    certificate-authority-data: ${pem("CERTIFICATE")}
users:
- name: u1
  user:
${user}
contexts:
- name: dev
  context:
    cluster: c1
    user: u1
    namespace: team-a
`;

describe("kubeconfig parsing", () => {
  it("resolves a token context from inline data", () => {
    const target = resolveKubeContext(kubeconfig("    token: abc123"), "dev");
    expect(target).toMatchObject({
      server: "https://127.0.0.1:6443",
      auth: { type: "token", token: "abc123" },
      namespace: "team-a",
    });
    expect(target.ca).toContain("BEGIN CERTIFICATE");
  });

  it("resolves a client-certificate context", () => {
    const text = kubeconfig(
      `    client-certificate-data: ${pem("CERTIFICATE")}\n    client-key-data: ${pem("PRIVATE KEY")}`,
    );
    const target = resolveKubeContext(text, "dev");
    expect(target.auth.type).toBe("certificate");
  });

  it("refuses exec plugins without running anything, and says why", () => {
    const text = kubeconfig(
      "    exec:\n      command: /bin/touch\n      args: [/tmp/pwned]\n      apiVersion: client.authentication.k8s.io/v1",
    );
    const { contexts } = listKubeContexts(text);
    expect(contexts[0]!.problems.join()).toMatch(/exec credential plugin/);
    expect(() => resolveKubeContext(text, "dev")).toThrow(/exec credential plugin.*not supported/);
  });

  it("refuses auth-provider and file paths", () => {
    expect(() => resolveKubeContext(kubeconfig("    auth-provider:\n      name: gcp"), "dev")).toThrow(/auth-provider/);
    expect(() =>
      resolveKubeContext(kubeconfig("    client-key: /etc/shadow\n    client-certificate: /etc/passwd"), "dev"),
    ).toThrow(/file/);
    expect(() => resolveKubeContext(kubeconfig("    tokenFile: /var/run/secrets/token"), "dev")).toThrow(/file/);
    const caFile = kubeconfig("    token: t").replace(
      /certificate-authority-data: .*/,
      "certificate-authority: /etc/ssl/ca.pem",
    );
    expect(() => resolveKubeContext(caFile, "dev")).toThrow(/CA file/);
  });

  it("names the line of malformed YAML", () => {
    expect(() => listKubeContexts("clusters:\n- name: a\n  cluster: [unclosed\n")).toThrow(/line \d+/);
  });

  it("explains structural problems", () => {
    expect(() => listKubeContexts("")).toThrow(/empty/);
    expect(() => listKubeContexts("- just\n- a list\n")).toThrow(/line 1: expected a mapping/);
    expect(() => listKubeContexts("apiVersion: v1\nclusters: []\n")).toThrow(/no contexts/);
    expect(() => resolveKubeContext(kubeconfig("    token: t"), "prod")).toThrow(/context "prod" is not defined/);
    const noUser = kubeconfig("    token: t").replace("user: u1", "user: ghost");
    expect(() => resolveKubeContext(noUser, "dev")).toThrow(/user "ghost" is not defined/);
  });
});
