// The in-browser terminal against a real container: typed keys run in the shell and its answer
// shows on the screen; resizing the window resizes the TTY; tabs hold several terminals.
import { expect, test, type Page } from "@playwright/test";
import { testEngine } from "../support/engine";
import { addEndpoint, base, expectAccessible, signInAsAdmin } from "./support";

const engine = testEngine(0);

test.afterAll(() => engine.cleanup());

/** The screen's rows as text (xterm's DOM renderer), one string per row, blanks trimmed. */
const rows = (page: Page, panel = page.getByRole("tabpanel")) =>
  panel
    .locator(".xterm-rows > div")
    .evaluateAll((divs) => divs.map((d) => (d.textContent ?? "").replace(/\u00a0/g, " ").trim()));

/** What `stty size` last answered on the screen, as [rows, cols]. */
async function lastSttySize(page: Page): Promise<[number, number] | null> {
  const sizes = (await rows(page)).filter((r) => /^\d+ \d+$/.test(r));
  const last = sizes.at(-1);
  return last ? (last.split(" ").map(Number) as [number, number]) : null;
}

test("a terminal on a container: type, read the answer, resize with the window", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAsAdmin(page);
  const endpointId = await addEndpoint(page, {
    name: `e2e-terminal-${Date.now()}`,
    connection: { kind: "docker", transport: "socket", socketPath: engine.env.docker[0]!.socketPath },
  });
  const container = await engine.run(["sleep", "600"]);

  await page.goto(`${base()}/endpoints/${endpointId}/containers/${container.id}`);
  await page.getByRole("link", { name: "Terminal", exact: true }).click();
  await expect(page.getByTestId("terminal-state")).toContainText("Connected");
  await expectAccessible(page);

  await page.getByTestId("terminal-screen").click();
  await page.keyboard.type("echo he''llo");
  await page.keyboard.press("Enter");
  await expect.poll(() => rows(page)).toContain("hello");

  await page.keyboard.type("stty size");
  await page.keyboard.press("Enter");
  await expect.poll(() => lastSttySize(page)).not.toBeNull();
  const before = (await lastSttySize(page))!;
  const screenRows = (await rows(page)).length;

  await page.setViewportSize({ width: 900, height: 600 });
  // The screen has fitted itself to the smaller window (one element per row) before keys are typed.
  await expect.poll(async () => (await rows(page)).length).toBeLessThan(screenRows);
  await page.keyboard.type("clear; stty size");
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await lastSttySize(page))?.[1]).toBeLessThan(before[1]);
  expect((await lastSttySize(page))![0]).toBeLessThan(before[0]);

  // A second terminal in its own tab; the first stays open behind it.
  await page.getByRole("button", { name: "Open terminal" }).click();
  await expect(page.getByRole("tab")).toHaveCount(2);
  await expect(page.getByRole("tab", { name: /^2 ·/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel").getByTestId("terminal-state")).toContainText("Connected");
  await page.getByRole("tabpanel").getByTestId("terminal-screen").click();
  await page.keyboard.type("echo sec''ond");
  await page.keyboard.press("Enter");
  await expect.poll(() => rows(page)).toContain("second");

  // Closing a tab ends its session; typing exit ends the other from the shell's side.
  await page.getByRole("button", { name: "Close terminal" }).click();
  await expect(page.getByRole("tab")).toHaveCount(1);
  await page.getByRole("tabpanel").getByTestId("terminal-screen").click();
  await page.keyboard.type("exit");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("tabpanel").getByTestId("terminal-state")).toHaveText("Ended: exited with code 0");
});
