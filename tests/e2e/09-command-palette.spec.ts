// The command palette in Chromium: Ctrl-K finds a container on the second engine by part of its
// name and opens its logs; a viewer is offered no restart, in the palette or the table.
import { expect, test, type Page } from "@playwright/test";
import { say, testEngine } from "../support/engine";
import { hashPassword } from "../../lib/auth/password";
import { addEndpoint, base, expectAccessible, signInAsAdmin } from "./support";

const engine1 = testEngine(0);
const engine2 = testEngine(1);
const TAG = `pal${Date.now().toString(36)}`;

test.afterAll(() => Promise.all([engine1.cleanup(), engine2.cleanup()]));

async function addEngines(page: Page, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, engine] of [engine1, engine2].entries())
    ids.push(
      await addEndpoint(page, {
        name: `${TAG}-${label}-engine${i + 1}`,
        connection: { kind: "docker", transport: "socket", socketPath: engine.env.docker[i]!.socketPath },
      }),
    );
  return ids;
}

/** A viewer on the given endpoints, straight in the database (no screen makes people yet). */
async function createViewer(endpointIds: string[]) {
  process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  const { db } = await import("../../lib/db/client");
  const email = `${TAG}-viewer@example.test`;
  const password = "a viewer's long password";
  const user = await db().user.create({
    data: { email, name: "Vic Viewer", isAdmin: false, passwordHash: await hashPassword(password) },
  });
  for (const endpointId of endpointIds)
    await db().accessGrant.create({ data: { userId: user.id, endpointId, role: "VIEWER", namespaces: [] } });
  return { email, password };
}

async function paletteFind(page: Page, text: string, name: string) {
  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", { name: "Command palette" });
  await expect(dialog.getByRole("combobox")).toBeFocused();
  await page.keyboard.type(text);
  const option = dialog.getByRole("option", { name: new RegExp(name) });
  await expect(option).toBeVisible();
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expectAccessible(page);
  return dialog;
}

test("Ctrl-K finds a container on the second engine by part of its name and opens its logs", async ({ page }) => {
  await signInAsAdmin(page);
  const [, second] = await addEngines(page, "admin");
  const container = await engine2.run(["sh", "-c", "echo palette-line-1; exec sleep 300"], {
    name: `${TAG}-ledger-sync`,
  });

  // Part of its name, and of the engine's: other suites' endpoints may reach the same engine.
  const dialog = await paletteFind(page, `ledger-sy ${TAG}-admin-engine2`, `${TAG}-ledger-sync`);
  await expect(
    dialog.getByRole("option", { name: new RegExp(`${TAG}-ledger-sync.*${TAG}-admin-engine2`) }).first(),
  ).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("option", { name: "Restart" })).toBeVisible();
  await dialog.getByRole("option", { name: "Logs" }).click();

  await expect(page).toHaveURL(`${base()}/endpoints/${second}/containers/${container.id}/logs`);
  await expect(page.getByTestId("log-status")).toHaveText("● live");
  const lines = page.getByTestId("log-lines");
  await expect(lines.getByText("palette-line-1")).toBeVisible();
  await say(container, "palette-line-2");
  await expect(lines.getByText("palette-line-2")).toBeVisible();

  // Opened items come first next time, before anything is typed.
  await page.keyboard.press("Control+k");
  await expect(page.getByRole("dialog").getByRole("option").first()).toContainText(`${TAG}-ledger-sync`);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("a viewer sees no restart action in the palette or the table", async ({ page, browser }) => {
  await signInAsAdmin(page);
  const ids = await addEngines(page, "viewer");
  await engine2.run(["sleep", "300"], { name: `${TAG}-viewer-target` });
  const viewer = await createViewer(ids);

  const context = await browser.newContext();
  const viewerPage = await context.newPage();
  await viewerPage.goto(`${base()}/login`);
  await viewerPage.getByLabel("Email").fill(viewer.email);
  await viewerPage.getByLabel("Password", { exact: true }).fill(viewer.password);
  await viewerPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(viewerPage).toHaveURL(`${base()}/`);

  const dialog = await paletteFind(viewerPage, "viewer-targ", `${TAG}-viewer-target`);
  await viewerPage.keyboard.press("ArrowRight");
  await expect(dialog.getByRole("option", { name: "Logs" })).toBeVisible();
  await expect(dialog.getByRole("option", { name: "Open" })).toBeVisible();
  await expect(dialog.getByRole("option", { name: /restart/i })).toHaveCount(0);
  await viewerPage.keyboard.press("Escape");

  // The containers table offers the viewer logs, and no lifecycle button at all.
  await viewerPage.goto(`${base()}/endpoints/${ids[1]}/containers`);
  const row = viewerPage.getByTestId(`container-row-${TAG}-viewer-target`);
  await expect(row.getByRole("link", { name: "logs" })).toBeVisible();
  for (const action of ["restart", "stop", "kill", "remove"])
    await expect(viewerPage.getByRole("button", { name: action, exact: true })).toHaveCount(0);
  await expectAccessible(viewerPage);
  await context.close();
});
