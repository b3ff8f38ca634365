// What a new user does on a fresh install: set up, land on the fleet home, follow its first steps to
// add a real Docker engine, watch its card fill in and follow the engine live, sign out.
import { expect, test } from "@playwright/test";
import { readTestEnv } from "../../scripts/testenv/state";
import { testEngine } from "../support/engine";

import { base, E2E_ADMIN, expectAccessible } from "./support";

const engine = testEngine(0);
test.afterAll(() => engine.cleanup());

test("fresh start → setup → fleet home's first steps → add an engine → its card fills in live → sign out", async ({
  page,
}) => {
  const docker = readTestEnv().docker[0]!;

  await page.goto(`${base()}/`);
  await expect(page).toHaveURL(/\/setup$/);
  await expectAccessible(page);
  await page.getByLabel("Name", { exact: true }).fill(E2E_ADMIN.name);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(E2E_ADMIN.password);
  await page.getByLabel("Confirm password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Create administrator" }).click();

  await expect(page.getByRole("heading", { name: "Add what this machine can reach" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: /Continue/ }).click();
  await expect(page).toHaveURL(`${base()}/`);
  await expect(page.getByTestId("current-user")).toContainText(E2E_ADMIN.email);

  // An empty fleet explains the three ways to add an endpoint, with the commands for the far side.
  const firstSteps = page.getByTestId("first-steps");
  await expect(firstSteps.getByRole("heading", { name: "No endpoints yet" })).toBeVisible();
  await expect(firstSteps).toContainText("dockerd --tlsverify");
  await expect(firstSteps).toContainText("kubectl -n fleetdeck create token fleetdeck");
  await expect(firstSteps).toContainText("--groups docker");

  // Setup is done: the page is no longer offered.
  await page.goto(`${base()}/setup`);
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(`${base()}/`);

  await page.getByRole("link", { name: "Add a local engine" }).click();
  await expect(page.getByLabel("Connection type")).toHaveValue("socket");
  await page.getByLabel("Name", { exact: true }).fill("engine one");
  await page.getByLabel("Tags").fill("lab, e2e");
  await page.getByLabel("Socket path").fill(docker.socketPath);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status")).toContainText(`Docker ${docker.version}`);
  await page.getByRole("button", { name: "Add endpoint" }).click();

  // Back on the fleet home, the new engine's card fills in on its own.
  await expect(page).toHaveURL(/\/\?added=/);
  const card = page.getByTestId("fleet-card-engine one");
  await expect(card.getByTestId("endpoint-status")).toHaveText("up");
  await expect(card).toContainText(docker.version);
  const containers = card.getByTestId("fleet-containers");
  await expect(containers).toHaveText(/^\d+ \/ \d+ running$/);
  await expect(card.getByRole("list", { name: "Tags" })).toContainText("lab");
  await expectAccessible(page);

  // A container started on the engine shows in the pushed count (compared with the engine's own
  // count, which other users of the engine may change meanwhile).
  const shown = async () => Number((await containers.textContent())!.split(" ")[0]);
  const truth = async () => ((await engine.docker.info()) as { ContainersRunning: number }).ContainersRunning;
  const before = await shown();
  const started = await engine.run(["sleep", "300"]);
  await expect.poll(async () => (await shown()) > before && (await shown()) === (await truth())).toBe(true);
  await started.stop({ t: 0 });
  await expect.poll(async () => (await shown()) === (await truth())).toBe(true);

  // The sidebar lists it with its status; filters go into the URL and say when they hide everything.
  const sidebarLink = page.getByRole("navigation", { name: "Endpoints" }).getByRole("link", { name: "engine one" });
  await expect(sidebarLink.first()).toBeVisible();
  await page.getByLabel("Kind").selectOption("kubernetes");
  await expect(page).toHaveURL(/kind=kubernetes/);
  await expect(page.getByTestId("empty-filtered")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("empty-filtered")).toBeVisible();
  await page.getByRole("link", { name: "Show all" }).click();
  await expect(card).toBeVisible();

  // Its sections are in the sidebar, and the breadcrumbs lead back.
  await sidebarLink.first().click();
  await page.getByRole("navigation", { name: "Endpoint sections" }).getByRole("link", { name: "Containers" }).click();
  await expect(page).toHaveURL(/\/containers$/);
  await expectAccessible(page);
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs).toContainText("engine one");
  await crumbs.getByRole("link", { name: "Fleet" }).click();
  await expect(page).toHaveURL(`${base()}/`);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`${base()}/`);
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password gets one plain message", async ({ page }) => {
  await page.goto(`${base()}/login`);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("wrong email or password");
  await expectAccessible(page);
});

test("on a phone the sidebar is behind the menu button", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base()}/login`);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("fleet-card-engine one")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const endpoints = page.getByRole("navigation", { name: "Endpoints" });
  await expect(endpoints).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  await endpoints.getByRole("link", { name: "engine one" }).first().click();
  await expect(page).toHaveURL(/\/endpoints\/[^/]+$/);
  await expect(endpoints).toBeHidden();
  // The list and a container's logs fit the phone's width too: wide tables scroll inside themselves.
  await page.goto(`${page.url()}/containers`);
  const firstRow = page.locator('[data-testid^="container-row-"]').first();
  await expect(firstRow).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  await firstRow.getByRole("link", { name: "logs" }).click();
  await expect(page.getByTestId("log-lines")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
});
