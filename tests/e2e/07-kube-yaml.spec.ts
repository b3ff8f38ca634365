// YAML in Chromium: a ConfigMap created from the list's "Create from YAML" (a typo found against
// the cluster's schema first, marked at its line), then edited on its page
// (review shows the diff, apply changes the cluster), and a conflict with another field manager
// taken over with "Apply anyway (force)".
import { expect, test, type Page } from "@playwright/test";
import { kubeRequest } from "../../lib/kube/raw-request";
import { addEndpoint, base, expectAccessible, signInAsAdmin } from "./support";
import { adminTarget } from "../support/kube-target";

const namespace = `e2e-yaml-${Date.now()}`;
const target = adminTarget();
const k8s = <T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, body?: unknown, contentType?: string) =>
  kubeRequest<T>(target, {
    method,
    path,
    body,
    contentType,
    query: method === "PATCH" ? { fieldManager: "other-manager", force: true } : undefined,
    timeoutMs: 10_000,
    tlsVerify: true,
  });
const color = async () =>
  (await k8s<{ data: { color: string } }>("GET", `/api/v1/namespaces/${namespace}/configmaps/colors`)).data.color;
const yaml = (value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: colors\n  namespace: ${namespace}\ndata:\n  color: ${value}\n`;
const editor = (page: Page) => page.getByTestId("yaml-text").locator(".cm-content");

test.afterAll(async () => {
  await k8s("DELETE", `/api/v1/namespaces/${namespace}`).catch(() => {});
});

test("create a ConfigMap from YAML, edit it with a reviewed diff, force over a conflict", async ({ page }) => {
  await signInAsAdmin(page);
  const id = await addEndpoint(page, { name: `yaml-${namespace}`, connection: target });
  await k8s("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } });

  await page.goto(`${base()}/endpoints/${id}/kube/configmaps?namespace=${namespace}`);
  await page.getByRole("link", { name: "Create from YAML" }).click();
  await expect(editor(page)).toContainText("kind: ConfigMap");
  // A typo is found against the cluster's schema before anything is sent, and marked at its line.
  await editor(page).fill(yaml("red").replace("\ndata:", "\ndta:"));
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByTestId("apply-error")).toContainText(
    `line 6: ConfigMap ${namespace}/colors: dta: unknown field`,
  );
  await expect(page.getByTestId("yaml-text").locator(".cm-lint-marker-error")).toHaveCount(1);
  await expectAccessible(page);
  await editor(page).fill(yaml("red"));
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByText(`Applied: ConfigMap ${namespace}/colors`)).toBeVisible();
  expect(await color()).toBe("red");

  await page.goto(`${base()}/endpoints/${id}/kube/configmaps/colors?namespace=${namespace}`);
  await page.getByRole("button", { name: "Edit YAML" }).click();
  await expect(editor(page)).toContainText("color: red");
  await expect(editor(page)).not.toContainText("resourceVersion");
  await editor(page).fill(yaml("blue"));
  await page.getByRole("button", { name: "Review" }).click();
  const diff = page.getByTestId("yaml-diff");
  await expect(diff.locator("div", { hasText: /^- +color: red$/ })).toHaveCount(1);
  await expect(diff.locator("div", { hasText: /^\+ +color: blue$/ })).toHaveCount(1);
  expect(await color()).toBe("red");
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByTestId("object-yaml")).toContainText("color: blue");
  expect(await color()).toBe("blue");

  // Someone else takes the field; applying over it is a conflict naming them, until forced.
  await k8s(
    "PATCH",
    `/api/v1/namespaces/${namespace}/configmaps/colors`,
    yaml("green"),
    "application/apply-patch+yaml",
  );
  await page.reload();
  await page.getByRole("button", { name: "Edit YAML" }).click();
  await expect(editor(page)).toContainText("color: green");
  await editor(page).fill(yaml("purple"));
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByTestId("apply-error")).toContainText("other-manager");
  expect(await color()).toBe("green");
  await page.getByRole("button", { name: "Apply anyway (force)" }).click();
  await expect(page.getByTestId("object-yaml")).toContainText("color: purple");
  await expectAccessible(page);
  expect(await color()).toBe("purple");
});
