import { defineConfig } from "@playwright/test";
import { CHROMIUM } from "./tests/support/chromium";

// Debian's Chromium: browsers cannot be downloaded here.
export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    trace: "retain-on-failure",
    launchOptions: CHROMIUM,
  },
});
