// A signed-in browser state, made once and handed to every context of a benchmark (what a person
// signed in on several tabs or machines has: a session cookie each).
import type { Browser, BrowserContextOptions } from "@playwright/test";

export type SignedInState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

export async function signedInState(
  browser: Browser,
  appUrl: string,
  admin: { email: string; password: string },
): Promise<SignedInState> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${appUrl}/login`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password", { exact: true }).fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${appUrl}/`);
    return await context.storageState();
  } finally {
    await context.close();
  }
}
