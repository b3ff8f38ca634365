import { defineConfig } from "@playwright/test";
import { CHROMIUM } from "./tests/support/chromium";

// Debian's Chromium: browsers cannot be downloaded here.
export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  // Generous: these machines are shared, and one spec walks through several pages with axe on each.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    trace: "retain-on-failure",
    launchOptions: CHROMIUM,
  },
});
