// Operating containers from the browser against a real engine: rows change state live.
import { expect, test } from "@playwright/test";
import { testEngine } from "../support/engine";
import { addEndpoint, base, expectAccessible, signInAsAdmin } from "./support";

const engine = testEngine(0);
const { docker, env } = engine;

test.afterAll(() => engine.cleanup());

const engineEndpoint = (page: import("@playwright/test").Page) =>
  addEndpoint(page, {
    name: `e2e-engine-${Date.now()}`,
    connection: { kind: "docker", transport: "socket", socketPath: env.docker[0]!.socketPath },
  });

test("stop and start a container from its row; the state changes without reloading", async ({ page }) => {
  await signInAsAdmin(page);
  const endpointId = await engineEndpoint(page);
  const name = `e2e-row-${Date.now()}`;
  const container = await docker.createContainer({
    name,
    Image: env.testImage,
    Cmd: ["sleep", "300"],
    HostConfig: { NetworkMode: "none" },
  });
  engine.track(container.id);
  await container.start();

  await page.goto(`${base()}/endpoints/${endpointId}/containers`);
  // The engine may hold hundreds of other containers (the bench leaves 300): only rows in view are
  // rendered, so the row is found as a person would, by filtering.
  await page.getByLabel("Filter containers").fill(name);
  const row = page.getByTestId(`container-row-${name}`);
  await expect(row.getByTestId("container-state")).toHaveText("running");
  await expect(page.getByText("● live")).toBeVisible();
  await expectAccessible(page);
  await row.getByRole("button", { name: "stop" }).click();
  await expect(row.getByTestId("container-state")).toHaveText("exited");
  expect((await container.inspect()).State.Running).toBe(false);
  await row.getByRole("button", { name: "start" }).click();
  await expect(row.getByTestId("container-state")).toHaveText("running");

  // A change made outside the dashboard shows up too.
  await container.pause();
  await expect(row.getByTestId("container-state")).toHaveText("paused");
  await container.unpause();
  await expect(row.getByTestId("container-state")).toHaveText("running");

  // Removing asks first, with Cancel focused; Escape keeps the container.
  await row.getByRole("button", { name: "remove" }).click();
  const asking = page.getByRole("alertdialog", { name: `Remove container ${name}?` });
  await expect(asking.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(asking).toBeHidden();
  expect((await container.inspect()).State.Running).toBe(true);
  await row.getByRole("button", { name: "remove" }).click();
  await asking.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText(`Removed ${name}`)).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(container.inspect()).rejects.toThrow();
});

test("a refused action says why, in the engine's words", async ({ page }) => {
  await signInAsAdmin(page);
  const endpointId = await engineEndpoint(page);
  const name = `e2e-refused-${Date.now()}`;
  const container = await docker.createContainer({
    name,
    Image: env.testImage,
    Cmd: ["/no-such-command"],
    HostConfig: { NetworkMode: "none" },
  });
  engine.track(container.id);

  await page.goto(`${base()}/endpoints/${endpointId}/containers`);
  await page.getByLabel("Filter containers").fill(name);
  const row = page.getByTestId(`container-row-${name}`);
  await expect(row.getByTestId("container-state")).toHaveText("created");
  // The engine cannot run a command the image does not have, and says so.
  await row.getByRole("button", { name: "start" }).click();
  await expect(page.getByText(`Could not start ${name}`)).toBeVisible();
  await expect(page.getByText(/\/no-such-command/)).toBeVisible();
});

test("create a container from the test image and see it running", async ({ page }) => {
  await signInAsAdmin(page);
  const endpointId = await engineEndpoint(page);
  const name = `e2e-created-${Date.now()}`;
  await page.goto(`${base()}/endpoints/${endpointId}/containers`);
  await page.getByRole("link", { name: "Create container" }).click();
  await expectAccessible(page);
  await page.getByLabel("Image").fill(env.testImage);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Command").fill("sleep 300");
  await page.getByLabel("Network mode").fill("none");
  await page.getByRole("button", { name: "Create container" }).click();
  await expect(page).toHaveURL(new RegExp(`/endpoints/${endpointId}/containers$`));
  await page.getByLabel("Filter containers").fill(name);
  const row = page.getByTestId(`container-row-${name}`);
  await expect(row.getByTestId("container-state")).toHaveText("running");
  const [info] = await docker.listContainers({ filters: { name: [name] } });
  engine.track(info!.Id);
  expect(info!.State).toBe("running");
});
