// The per-account slow-down: nothing for the first failures, then doubling, never past the bound.
import { expect, it } from "vitest";
import { accountDelayMs, MAX_ACCOUNT_DELAY_MS } from "@/lib/auth/signin-limit";

it("grows from 0.25 s after the free failures and stays bounded", () => {
  const delays = [0, 4, 5, 6, 7, 8, 9, 50, 1e9].map((failures) => accountDelayMs(failures, 5));
  expect(delays).toEqual([0, 0, 250, 500, 1000, 2000, 4000, 4000, 4000]);
  expect(Math.max(...delays)).toBe(MAX_ACCOUNT_DELAY_MS);
});
