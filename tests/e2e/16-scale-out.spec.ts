// A second instance on the same database, as behind a load balancer: a browser tab served by
// instance B shows an endpoint the moment it is added through instance A (the first), without a
// reload — the change travels between instances through PostgreSQL (socket.io's adapter).
import { expect, test } from "@playwright/test";
import { startAppServer, type AppServer } from "../support/app-server";
import { testEngine } from "../support/engine";
import { addEndpoint, base, expectAccessible, signInAsAdmin } from "./support";

const engine = testEngine(0);
const NAME = `scale${Date.now().toString(36)}`;
let instanceB: AppServer | undefined;

test.afterAll(async () => {
  await instanceB?.stop();
});

test("a tab on instance B shows an endpoint added through instance A without a reload", async ({ page, browser }) => {
  test.setTimeout(180_000);
  instanceB = await startAppServer({
    databaseUrl: process.env.E2E_DATABASE_URL!,
    env: {
      ...(JSON.parse(process.env.E2E_SHARED_SECRETS!) as Record<string, string>),
      ENDPOINT_CHECK_INTERVAL_SECONDS: "5",
    },
  });
  // The session cookie is for 127.0.0.1 (any port), signed with the secret both instances share.
  await signInAsAdmin(page);
  const onB = await (await browser.newContext({ storageState: await page.context().storageState() })).newPage();
  await onB.goto(`${instanceB.url}/`);
  await expect(onB.getByRole("heading", { name: "Fleet" })).toBeVisible();
  await expectAccessible(onB);

  const sent = Date.now();
  await addEndpoint(page, {
    name: NAME,
    connection: { kind: "docker", transport: "socket", socketPath: engine.env.docker[0]!.socketPath },
  });
  expect(new URL(base()).port).not.toBe(new URL(instanceB.url).port);
  const card = onB.getByTestId(`fleet-card-${NAME}`);
  await expect(card).toBeVisible();
  console.log(`[figure] endpoint added through A → shown on B in ${Date.now() - sent} ms`);
  // Its status comes from whichever instance runs the health checks.
  await expect(card.getByTestId("endpoint-status")).toContainText(/up/i, { timeout: 20_000 });
  await expectAccessible(onB);
});
