// A person makes a read-only API token on their account page, sees it once, uses it from a script
// (reads work, a restart is refused and changes nothing), and revokes it.
import { expect, test } from "@playwright/test";
import { testEngine } from "../support/engine";
import { addEndpoint, base, expectAccessible, signInAsAdmin } from "./support";

const engine = testEngine(0);
test.afterAll(() => engine.cleanup());

test("a read-only token: shown once, reads work, a restart is refused, revoked it is refused", async ({ page }) => {
  await signInAsAdmin(page);
  const endpointId = await addEndpoint(page, {
    name: `e2e-account-${Date.now()}`,
    connection: { kind: "docker", transport: "socket", socketPath: engine.env.docker[0]!.socketPath },
  });
  const container = await engine.run(["sleep", "300"], { name: `e2e-token-${Date.now()}` });
  const startedAt = (await container.inspect()).State.StartedAt;

  // The signed-in person's email in the header leads to their account.
  await page.getByTestId("current-user").click();
  await expect(page).toHaveURL(`${base()}/account`);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("session-row")).not.toHaveCount(0);
  await expect(page.getByText("This one")).toBeVisible();
  await expectAccessible(page);

  const name = `e2e script ${Date.now()}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Expires after").selectOption({ label: "7 days" });
  await page.getByLabel("Access").selectOption({ label: "Read-only (viewer)" });
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveText(/^fd_\S+$/);
  const token = (await shown.textContent())!;
  const row = page.getByTestId(`token-row-${name}`);
  await expect(row).toContainText("Read-only (viewer)");
  await expect(row).toContainText("never"); // not used yet
  await expectAccessible(page);

  const containers = `${base()}/api/endpoints/${endpointId}/docker/containers`;
  const headers = { authorization: `Bearer ${token}` };
  const list = await page.request.get(containers, { headers });
  expect(list.status()).toBe(200);
  const listed = (await list.json()) as { containers: { id: string }[] };
  expect(listed.containers.some((c) => c.id === container.id)).toBe(true);
  const restart = await page.request.post(`${containers}/${container.id}/restart`, { headers, data: { timeout: 1 } });
  expect(restart.status()).toBe(403);
  expect((await container.inspect()).State).toMatchObject({ Running: true, StartedAt: startedAt });

  // Shown once: gone after "Done", and not on the page when it is opened again.
  await page.getByRole("button", { name: "Done" }).click();
  await expect(shown).toBeHidden();
  await page.reload();
  await expect(page.getByTestId(`token-row-${name}`)).toBeVisible();
  expect(await page.content()).not.toContain(token);

  // Revoking asks first (Cancel focused), then the token is refused at once.
  await page.getByTestId(`token-row-${name}`).getByRole("button", { name: "Revoke" }).click();
  const asking = page.getByRole("alertdialog", { name: `Revoke token ${name}?` });
  await expect(asking.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectAccessible(page);
  await asking.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId(`token-row-${name}`)).toBeHidden();
  expect((await page.request.get(containers, { headers })).status()).toBe(401);
});
