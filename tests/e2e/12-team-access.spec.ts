// Team access end to end in Chromium: an administrator adds a person, creates a team with them in it
// and grants the team OPERATOR on one engine; the person signs in, sees only that engine, restarts a
// container and cannot remove it; the administrator finds both (one denied) in the audit log and
// exports them as CSV. axe passes on every administration page.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { testEngine } from "../support/engine";
import { addEndpoint, base, expectAccessible, signInAsAdmin } from "./support";

const engine = testEngine(0);
const TAG = `team${Date.now().toString(36)}`;
const PERSON = { email: `${TAG}-olga@example.test`, name: "Olga Operator", password: "olga's long password" };

test.afterAll(() => engine.cleanup());

test("an administrator grants a team OPERATOR on one engine; its member restarts, cannot remove, and it is all audited", async ({
  page,
  browser,
}) => {
  await signInAsAdmin(page);
  const socket = { kind: "docker", transport: "socket", socketPath: engine.env.docker[0]!.socketPath };
  const granted = await addEndpoint(page, { name: `${TAG}-granted`, connection: socket });
  await addEndpoint(page, { name: `${TAG}-other`, connection: socket });
  const container = await engine.run(["sleep", "300"], { name: `${TAG}-web` });

  // A person, with a password set now.
  const main = page.getByRole("navigation", { name: "Main" });
  await main.getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
  await page.getByLabel("Email").fill(PERSON.email);
  await page.getByLabel("Name").fill(PERSON.name);
  await page.getByLabel("Password").fill(PERSON.password);
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByTestId(`user-row-${PERSON.email}`)).toBeVisible();
  await expectAccessible(page);

  // A team with them in it, granted OPERATOR on one engine.
  await main.getByRole("link", { name: "Teams" }).click();
  await page.getByLabel("New team").fill(`${TAG}-ops`);
  await page.getByRole("button", { name: "Create team" }).click();
  await page.getByRole("link", { name: `${TAG}-ops` }).click();
  await expect(page.getByRole("heading", { name: `Team ${TAG}-ops` })).toBeVisible();
  await page.getByRole("form", { name: "Add a member" }).getByRole("combobox").selectOption({ label: PERSON.email });
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByTestId(`member-${PERSON.email}`)).toBeVisible();
  const grant = page.getByRole("form", { name: "Grant access" });
  await grant.getByLabel("On").selectOption({ label: `${TAG}-granted` });
  await grant.getByLabel("Role").selectOption("OPERATOR");
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(page.getByTestId("grant")).toContainText(`OPERATOR on ${TAG}-granted`);
  await expectAccessible(page);

  // The person's page says what they may do, and why.
  await main.getByRole("link", { name: "People" }).click();
  await page.getByRole("link", { name: PERSON.name }).click();
  await expect(page.getByTestId(`access-${TAG}-granted`)).toContainText(`team ${TAG}-ops`);
  await expect(page.getByTestId(`access-${TAG}-other`)).toHaveCount(0);
  await expectAccessible(page);

  // The person signs in and sees only the granted engine.
  const context = await browser.newContext();
  const olga = await context.newPage();
  await olga.goto(`${base()}/login`);
  await olga.getByLabel("Email").fill(PERSON.email);
  await olga.getByLabel("Password", { exact: true }).fill(PERSON.password);
  await olga.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(olga.getByTestId(`fleet-card-${TAG}-granted`)).toBeVisible();
  await expect(olga.getByTestId(`fleet-card-${TAG}-other`)).toHaveCount(0);
  await expect(olga.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" })).toHaveCount(0);

  // Restart is offered and works; removal is not offered, and refused when asked for anyway.
  await olga.goto(`${base()}/endpoints/${granted}/containers`);
  const row = olga.getByTestId(`container-row-${TAG}-web`);
  await row.getByRole("button", { name: "restart", exact: true }).click();
  await expect(olga.getByText(/Restarted/)).toBeVisible();
  await expect(row.getByRole("button", { name: "remove", exact: true })).toHaveCount(0);
  const removal = await olga.request.post(
    `${base()}/api/endpoints/${granted}/docker/containers/${container.id}/remove`,
    {
      data: {},
    },
  );
  expect(removal.status()).toBe(403);
  expect((await container.inspect()).State.Running).toBe(true);
  await context.close();

  // Both in the audit log, and in its CSV export.
  await main.getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Actor").fill(PERSON.email);
  await page.getByLabel("Actor").press("Enter");
  const rows = page.getByTestId("audit-row");
  await expect(rows.filter({ hasText: "container.restart" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "denied" })).toHaveCount(1);
  await expectAccessible(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = readFileSync((await (await downloading).path())!, "utf8");
  expect(csv).toMatch(new RegExp(`${PERSON.email}.*container\\.restart.*SUCCESS`));
  expect(csv).toMatch(new RegExp(`${PERSON.email}.*DENIED`));
});

test("an administrator signs a person out everywhere from their page; the person's open tab is sent to sign in", async ({
  page,
  browser,
}) => {
  // Its own person, so it does not depend on the test above.
  const person = { email: `${TAG}-sam@example.test`, name: "Sam Signedin", password: "sam's long password 42" };
  await signInAsAdmin(page);
  const created = await page.request.post(`${base()}/api/admin/users`, { data: person });
  expect(created.status()).toBe(201);

  const context = await browser.newContext();
  const sam = await context.newPage();
  await sam.goto(`${base()}/login`);
  await sam.getByLabel("Email").fill(person.email);
  await sam.getByLabel("Password", { exact: true }).fill(person.password);
  await sam.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(sam.getByRole("navigation", { name: "Main" })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await page.getByRole("link", { name: person.name }).click();
  const sessions = page.getByRole("region", { name: "Sessions" });
  await expect(sessions.getByTestId("session-row").first()).toBeVisible();
  await expectAccessible(page);
  await sessions.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByText(`${person.name} is signed out everywhere`)).toBeVisible();
  await expect(sessions.getByText("No open sessions.")).toBeVisible();

  await sam.reload();
  await expect(sam).toHaveURL(/\/login/);
  await context.close();
});
