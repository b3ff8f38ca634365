// Shared steps for end-to-end specs.
import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import type { KubeClusterInfo } from "../../scripts/testenv/state";

export const base = () => process.env.E2E_BASE_URL!;
export const E2E_ADMIN = { name: "Ada Admin", email: "ada@example.test", password: "a very long password" };
/** The app's single sign-on as global-setup.ts configures it (the provider's accounts: tests/support/oidc-provider.ts). */
export const E2E_SSO = { name: "Test IdP", team: "SSO Operators", group: "fleet-ops", domain: "example.test" };

/** Signs in as the administrator, doing the first-run set-up if nobody has yet. */
export async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto(`${base()}/login`);
  if (page.url().endsWith("/setup")) {
    await page.getByLabel("Name", { exact: true }).fill(E2E_ADMIN.name);
    await page.getByLabel("Email").fill(E2E_ADMIN.email);
    await page.getByLabel("Password", { exact: true }).fill(E2E_ADMIN.password);
    await page.getByLabel("Confirm password").fill(E2E_ADMIN.password);
    await page.getByRole("button", { name: "Create administrator" }).click();
    await page.getByRole("button", { name: /Continue/ }).click();
  } else {
    await page.getByLabel("Email").fill(E2E_ADMIN.email);
    await page.getByLabel("Password", { exact: true }).fill(E2E_ADMIN.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
  }
  // Signed in, everyone lands on the fleet home.
  await expect(page).toHaveURL(`${base()}/`);
}

/** Adds an endpoint through the API as the signed-in page's user; returns its id. */
export async function addEndpoint(page: Page, data: unknown): Promise<string> {
  const response = await page.request.post(`${base()}/api/endpoints`, { data });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { endpoint: { id: string } }).endpoint.id;
}

/** Adds a test cluster from its administrator kubeconfig (context "admin"), as a person would paste it; returns its id. */
export function addCluster(page: Page, { name, cluster }: { name: string; cluster: KubeClusterInfo }): Promise<string> {
  return addEndpoint(page, {
    name,
    connection: {
      kind: "kubernetes-kubeconfig",
      kubeconfig: readFileSync(cluster.adminKubeconfig, "utf8"),
      context: "admin",
    },
  });
}

/**
 * axe on the page as it is now: no serious or critical violation (WCAG 2 A/AA rules), each one
 * named with the elements it concerns so the failure says what to fix.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const described = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 5)
        .map(
          (n) => `${n.target.join(" ")} ${n.html.slice(0, 120)} (${n.failureSummary?.split("\n").slice(1).join(" ")})`,
        )
        .join(", ")}`,
  );
  expect(described, `accessibility of ${page.url()}`).toEqual([]);
}
