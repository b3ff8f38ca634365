// The audit log in Chromium: an administrator opens it from the sidebar, filters by outcome
// DENIED (the filter goes into the URL), sees a viewer's refused change — one made while the page
// is open appears at the top without a reload —, opens its detail, and downloads the CSV with the
// same filter. axe passes in the light and the dark theme.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { ApiClient } from "../support/api-client";
import { testEngine } from "../support/engine";
import { addEndpoint, base, expectAccessible, signInAsAdmin } from "./support";

const engine = testEngine(0);
const TAG = `audit${Date.now().toString(36)}`;

/** A viewer of the endpoint, straight in the database, signed in over HTTP. */
async function signedInViewer(endpointId: string): Promise<{ email: string; client: ApiClient }> {
  process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  const { db } = await import("../../lib/db/client");
  const email = `${TAG}-viewer@example.test`;
  const password = "a viewer's long password";
  const user = await db().user.create({
    data: { email, name: "Vic Viewer", isAdmin: false, passwordHash: await hashPassword(password) },
  });
  await db().accessGrant.create({ data: { userId: user.id, endpointId, role: "VIEWER", namespaces: [] } });
  const client = new ApiClient(base());
  expect(await client.signIn(email, password)).toBeNull();
  return { email, client };
}

test("an administrator finds a refused change in the audit log and downloads it as CSV", async ({ page }) => {
  await signInAsAdmin(page);
  const endpointId = await addEndpoint(page, {
    name: `${TAG}-engine`,
    connection: { kind: "docker", transport: "socket", socketPath: engine.env.docker[0]!.socketPath },
  });
  const viewer = await signedInViewer(endpointId);
  expect((await viewer.client.request("PATCH", `/api/endpoints/${endpointId}`, { name: "mine now" })).status).toBe(403);

  await page.goto(`${base()}/`);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await page.getByLabel("Outcome").selectOption("DENIED");
  await expect(page).toHaveURL(/[?&]outcome=DENIED/);
  await page.getByLabel("Actor").fill(viewer.email);
  await page.getByLabel("Actor").press("Enter");
  await expect(page).toHaveURL(/[?&]actor=/);

  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("endpoint.update");
  await expect(rows.first()).toContainText(`${TAG}-engine`);
  await expect(rows.first().getByTestId("audit-outcome")).toHaveText("denied");
  await expect(page.getByText("● live")).toBeVisible();

  // Live: a refusal made now shows at the top, without a reload.
  expect((await viewer.client.request("DELETE", `/api/endpoints/${endpointId}`)).status).toBe(403);
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("endpoint.delete");

  // The detail opens from the keyboard.
  const expand = rows.first().getByRole("button", { name: /Detail of endpoint\.delete/ });
  await expand.focus();
  await page.keyboard.press("Enter");
  await expect(expand).toHaveAttribute("aria-expanded", "true");
  await expectAccessible(page);

  // The CSV carries the same filters.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
  const lines = readFileSync((await download.path())!, "utf8")
    .trimEnd()
    .split("\n");
  expect(lines[0]).toBe("at,actorEmail,address,endpointId,endpointName,action,target,outcome,detail");
  expect(lines.slice(1)).toHaveLength(2);
  for (const line of lines.slice(1)) {
    expect(line).toContain(viewer.email);
    expect(line).toContain(",DENIED,");
  }
  expect(lines[1]).toContain("endpoint.delete");

  // The dark theme passes too.
  await page.evaluate(() => (document.documentElement.dataset.theme = "dark"));
  await expectAccessible(page);
});
