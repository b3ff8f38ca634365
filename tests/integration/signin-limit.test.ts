// Sign-in limits on the real server: a client address is refused past its limit even under parallel
// guesses; an account is only slowed down, so failing on purpose cannot lock the administrator out;
// `npm run admin -- reset-password` is the way back in. Each case uses its own loopback addresses.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { signInFrom } from "../support/signin-from";
import { createUser, testDb } from "../support/seed";

const appUrl = inject("appUrl");
const PER_ADDRESS = 5 * 4; // SIGNIN_MAX_FAILURES (default 5) × 4
const MAX_DELAY_MS = 4000; // lib/auth/signin-limit.ts MAX_ACCOUNT_DELAY_MS
const WRONG = /wrong email or password/;
const REFUSED = /too many failed sign-ins/;

const guesses = (from: string, email: string, count: number) =>
  Promise.all(
    Array.from({ length: count }, (_, i) => signInFrom(appUrl, from, { email, password: `guess number ${i}` })),
  );

function admin(args: string[], options: { input: string; env?: Record<string, string | undefined> }) {
  const env = { ...process.env, DATABASE_URL: inject("databaseUrl"), ...options.env };
  const result = spawnSync("npm", ["run", "--silent", "admin", "--", ...args], {
    input: options.input,
    encoding: "utf8",
    env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
    timeout: 90_000,
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe("sign-in limits", () => {
  it("let at most the per-address limit of parallel guesses reach the password check; the rest are refused", async () => {
    const user = await createUser();
    const from = "127.0.0.21";
    const answers = await guesses(from, user.email, PER_ADDRESS + 10);
    expect(answers.filter((a) => WRONG.test(a.error ?? "")).length).toBe(PER_ADDRESS);
    expect(answers.filter((a) => REFUSED.test(a.error ?? "")).length).toBe(10);
    const audit = await (
      await testDb()
    ).auditEvent.groupBy({
      by: ["outcome"],
      where: { action: "auth.signin", target: user.email, address: from },
      _count: true,
    });
    // FAILURE = the password was checked and wrong; DENIED = refused before any check.
    expect(Object.fromEntries(audit.map((a) => [a.outcome, a._count]))).toEqual({ FAILURE: PER_ADDRESS, DENIED: 10 });
    // The address stays refused, even with the right password…
    expect((await signInFrom(appUrl, from, user)).error).toMatch(REFUSED);
    // …while the account itself is only slowed down: from elsewhere the right password signs in.
    const elsewhere = await signInFrom(appUrl, "127.0.0.22", user);
    expect(elsewhere.error).toBeNull();
    expect(elsewhere.ms).toBeGreaterThanOrEqual(MAX_DELAY_MS - 50);
  });

  it("do not let an attacker failing on purpose from many addresses lock the administrator out", async () => {
    const target = await createUser({ isAdmin: true });
    const attackers = ["127.0.0.31", "127.0.0.32", "127.0.0.33"];
    const answers = (await Promise.all(attackers.map((from) => guesses(from, target.email, PER_ADDRESS + 5)))).flat();
    expect(answers.filter((a) => REFUSED.test(a.error ?? "")).length).toBe(attackers.length * 5);
    expect(answers.every((a) => a.error !== null)).toBe(true);
    const real = await signInFrom(appUrl, "127.0.0.40", target);
    expect(real.error).toBeNull();
  });

  it("npm run admin -- reset-password lets the administrator in with the new password", async () => {
    const target = await createUser({ isAdmin: true });
    await guesses("127.0.0.50", target.email, 8);
    const prisma = await testDb();
    expect(await prisma.signInCounter.count({ where: { key: `account:${target.email}` } })).toBe(1);

    const tooShort = admin(["reset-password", target.email, "--password-stdin"], { input: "short\n" });
    expect(tooShort.status).toBe(1);
    expect(tooShort.output).toMatch(/\[admin\] the password must be at least 12 characters/);
    const unknown = admin(["reset-password", "nobody@example.test"], { input: "a new long password\n" });
    expect(unknown.output).toMatch(/\[admin\] there is no account nobody@example.test/);

    const reset = admin(["reset-password", target.email.toUpperCase(), "--password-stdin"], {
      input: "a new long password\n",
    });
    expect(reset.output).toContain(`password of ${target.email} changed`);
    expect(reset.status).toBe(0);
    expect(await prisma.signInCounter.count({ where: { key: `account:${target.email}` } })).toBe(0);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "user.password.reset", target: target.email },
    });
    expect(audit).toMatchObject({ actorId: null, outcome: "SUCCESS", detail: { by: "cli" } });

    expect((await signInFrom(appUrl, "127.0.0.51", target)).error).toMatch(WRONG);
    const fresh = await signInFrom(appUrl, "127.0.0.51", { email: target.email, password: "a new long password" });
    expect(fresh.error).toBeNull();
  });

  it("admin reset-password works on the embedded database in DATA_DIR and explains failures in one line", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-admin-"));
    chmodSync(dataDir, 0o755);
    try {
      const result = admin(["reset-password", "nobody@example.test", "--password-stdin"], {
        input: "a new long password\n",
        env: { DATABASE_URL: undefined, DATA_DIR: dataDir },
      });
      expect(result.output.trim()).toBe("[admin] there is no account nobody@example.test");
      expect(result.status).toBe(1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
