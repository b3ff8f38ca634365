// What a new user does on a fresh install: set up, sign in, add a real Docker engine, sign out.
import { expect, test } from "@playwright/test";
import { readTestEnv } from "../../scripts/testenv/state";

import { base, E2E_ADMIN, expectAccessible } from "./support";

test("fresh start → setup → admin → add Docker endpoint → up with version → sign out", async ({ page }) => {
  const engine = readTestEnv().docker[0]!;

  await page.goto(`${base()}/endpoints`);
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
  await expect(page).toHaveURL(/\/endpoints$/);
  await expect(page.getByTestId("current-user")).toContainText(E2E_ADMIN.email);

  // Setup is done: the page is no longer offered.
  await page.goto(`${base()}/setup`);
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(`${base()}/endpoints`);

  await page.getByRole("link", { name: "Add endpoint" }).click();
  await page.getByLabel("Name", { exact: true }).fill("engine one");
  await page.getByLabel("Connection type").selectOption("socket");
  await page.getByLabel("Socket path").fill(engine.socketPath);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status")).toContainText(`Docker ${engine.version}`);
  await page.getByRole("button", { name: "Add endpoint" }).click();

  const row = page.getByTestId("endpoint-row-engine one");
  await expect(row.getByTestId("endpoint-status")).toHaveText("up");
  await expect(row.getByTestId("endpoint-version")).toContainText(engine.version);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`${base()}/endpoints`);
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password gets one plain message", async ({ page }) => {
  await page.goto(`${base()}/login`);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("wrong email or password");
  await expectAccessible(page);
});
