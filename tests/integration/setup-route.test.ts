// POST /api/setup after set-up: refused before any password hashing, so strangers cannot make the
// server burn CPU and memory on argon2id, and no account is ever created.
import { expect, it } from "vitest";
import { inject } from "vitest";
import { ApiClient } from "../support/api-client";
import { testDb } from "../support/seed";

const COUNT = 100;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

it("answers many parallel set-up attempts with 409, as fast as the plain status check, and creates no user", async () => {
  const prisma = await testDb();
  const usersBefore = await prisma.user.count();
  const client = new ApiClient(inject("appUrl"));
  const body = { email: "intruder@example.test", name: "Intruder", password: "a long enough password" };
  const post = () => client.request("POST", "/api/setup", body);
  const get = () => client.request("GET", "/api/setup");
  // Both handlers loaded and the database pool grown before anything is timed.
  await Promise.all([post(), ...Array.from({ length: COUNT }, get)]);

  const responses: Awaited<ReturnType<typeof post>>[] = [];
  const getMs = await timed(() => Promise.all(Array.from({ length: COUNT }, get)));
  const postMs = await timed(async () => responses.push(...(await Promise.all(Array.from({ length: COUNT }, post)))));

  expect(responses.map((r) => r.status)).toEqual(Array(COUNT).fill(409));
  expect(responses[0]!.json.error).toBe("set-up is already done; sign in instead");
  // GET /api/setup only counts users. Hashing first, as before, added 100 argon2id hashes
  // (19 MiB each), several seconds on two cores, to the POSTs.
  expect(postMs).toBeLessThan(getMs * 1.5 + 600);
  expect(await prisma.user.count()).toBe(usersBefore);
  expect(await prisma.user.findUnique({ where: { email: body.email } })).toBeNull();
});
