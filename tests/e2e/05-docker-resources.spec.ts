// The listed Docker kinds in the browser, drawn from their descriptors: tabs lead to each list,
// a volume made in the form or outside the dashboard shows up live, and its row removes it; the
// keyboard shortcuts work on these pages.
import { expect, test } from "@playwright/test";
import { testEngine } from "../support/engine";
import { addEndpoint, base, expectAccessible, signInAsAdmin } from "./support";

const engine = testEngine(0);
const { docker, env } = engine;
const volumes: string[] = [];

test.afterAll(async () => {
  await Promise.all(
    volumes.map((name) =>
      docker
        .getVolume(name)
        .remove()
        .catch(() => {}),
    ),
  );
});

test("create a volume from the form, see one made outside appear live, remove it from its row", async ({ page }) => {
  await signInAsAdmin(page);
  const endpointId = await addEndpoint(page, {
    name: `e2e-resources-${Date.now()}`,
    connection: { kind: "docker", transport: "socket", socketPath: env.docker[0]!.socketPath },
  });
  await page.goto(`${base()}/endpoints/${endpointId}`);
  await page.getByRole("navigation", { name: "Endpoint sections" }).getByRole("link", { name: "Images" }).click();
  await expect(page.getByRole("heading", { name: "Images" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Pull" })).toBeVisible(); // the images' extra list action
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Endpoint sections" }).getByRole("link", { name: "Volumes" }).click();
  await expect(page.getByRole("heading", { name: "Volumes" })).toBeVisible();
  await expect(page.getByText("● live")).toBeVisible();
  await expectAccessible(page);

  const made = `e2e-form-${Date.now()}`;
  volumes.push(made);
  await page.getByLabel("Volume name").fill(made);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByTestId("volumes-row").filter({ hasText: made })).toBeVisible();

  // Made outside the dashboard: the engine's "volume" event refreshes the list.
  const outside = `e2e-outside-${Date.now()}`;
  volumes.push(outside);
  await docker.createVolume({ Name: outside });
  await expect(page.getByTestId("volumes-row").filter({ hasText: outside })).toBeVisible();

  await page.getByTestId("volumes-row").filter({ hasText: made }).getByRole("button", { name: "remove" }).click();
  await page
    .getByRole("alertdialog", { name: `Remove volume ${made}?` })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(page.getByText(`Removed volume ${made}`)).toBeVisible();
  await expect(page.getByTestId("volumes-row").filter({ hasText: made })).toHaveCount(0);
  await expect(docker.getVolume(made).inspect()).rejects.toThrow();

  // The keyboard: "/" filters the list, "g" then a letter changes section, "?" lists the keys.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("/");
  await expect(page.getByLabel("Filter volumes")).toBeFocused();
  await page.keyboard.type(outside);
  await expect(page.getByTestId("volumes-row")).toHaveCount(1);
  await page.getByLabel("Filter volumes").fill("no-such-volume-anywhere");
  await expect(page.getByText(/None of the \d+ volumes match the filters/)).toBeVisible();
  await page.getByLabel("Filter volumes").blur();
  await page.keyboard.press("g");
  await page.keyboard.press("c");
  await expect(page).toHaveURL(new RegExp(`/endpoints/${endpointId}/containers$`));
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Containers");
  await expect(help).toContainText("Fleet home");
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});
