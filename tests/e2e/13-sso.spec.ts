// Single sign-on in Chromium against a real OpenID provider (started by global-setup.ts): a person
// signs in through it, lands on the fleet home, and their group makes them a member of the mapped
// team, which the administrator sees on the People pages and through the API; an email domain that
// is not allowed is refused on /login in plain words.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { OIDC_TEST_ACCOUNTS } from "../support/oidc-provider";
import { base, E2E_SSO, expectAccessible, signInAsAdmin } from "./support";

const SAM = OIDC_TEST_ACCOUNTS.sam!;
const EVE = OIDC_TEST_ACCOUNTS.eve!;

/** A fresh browser (no session at the app or the provider) that signs in at the provider as `login`. */
async function ssoFromLogin(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base()}/login`);
  await expectAccessible(page);
  await page.getByRole("button", { name: `Sign in with ${E2E_SSO.name}` }).click();
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Login").fill(login);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

test("a person signs in through the identity provider, lands on the fleet home, and their group makes them a team member", async ({
  browser,
  page,
}) => {
  expect(SAM.groups).toContain(E2E_SSO.group);
  const sam = await ssoFromLogin(browser, "sam");
  await expect(sam).toHaveURL(`${base()}/`);
  await expect(sam.getByTestId("current-user")).toContainText(SAM.email);
  // No access until granted: the team has no grants yet, and sam is no administrator.
  await expect(sam.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" })).toHaveCount(0);
  await expectAccessible(sam);
  await sam.context().close();

  await signInAsAdmin(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  const row = page.getByTestId(`user-row-${SAM.email}`);
  await expect(row).toContainText("single sign-on");
  await expect(row).toContainText(E2E_SSO.team);
  await expectAccessible(page);
  await row.getByRole("link", { name: SAM.name }).click();
  await expect(page.getByRole("heading", { name: SAM.name })).toBeVisible();
  await expect(page.getByText(`teams: ${E2E_SSO.team}`)).toBeVisible();
  await expectAccessible(page);

  const users = await page.request.get(`${base()}/api/admin/users`);
  const listed = ((await users.json()) as { users: { email: string; sso: boolean; teams: { name: string }[] }[] })
    .users;
  expect(listed.find((u) => u.email === SAM.email)).toMatchObject({ sso: true, teams: [{ name: E2E_SSO.team }] });
});

test("an email domain that is not allowed is refused on the sign-in page in plain words", async ({ browser }) => {
  expect(EVE.email.endsWith(`@${E2E_SSO.domain}`)).toBe(false);
  const eve = await ssoFromLogin(browser, "eve");
  await expect(eve).toHaveURL(/\/login\?error=domain-not-allowed$/);
  await expect(eve.getByRole("main").getByRole("alert")).toHaveText(/domain is not allowed to sign in here/);
  await expectAccessible(eve);
  await eve.goto(`${base()}/`);
  await expect(eve).toHaveURL(/\/login/);
  await eve.context().close();
});
