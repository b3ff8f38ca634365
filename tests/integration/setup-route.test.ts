// POST /api/setup after set-up: refused before any password hashing, so strangers cannot make the
// server burn CPU and memory on argon2id, and no account is ever created.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { inject } from "vitest";
import { ApiClient } from "../support/api-client";
import { testDb } from "../support/seed";

const COUNT = 100;

/** CPU seconds the app server has used (its own work, whatever else the machine is doing). */
function serverCpuSeconds(): number {
  const fields = readFileSync(`/proc/${inject("appPid")}/stat`, "utf8")
    .split(") ")[1]!
    .split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks
}

async function cpuOf(run: () => Promise<unknown>): Promise<number> {
  const before = serverCpuSeconds();
  await run();
  return serverCpuSeconds() - before;
}

it("answers many parallel set-up attempts with 409, for about the server CPU of the plain status check, and creates no user", async () => {
  const prisma = await testDb();
  const usersBefore = await prisma.user.count();
  const client = new ApiClient(inject("appUrl"));
  const body = { email: "intruder@example.test", name: "Intruder", password: "a long enough password" };
  const post = () => client.request("POST", "/api/setup", body);
  const get = () => client.request("GET", "/api/setup");
  // Both handlers loaded and the database pool grown before anything is timed.
  await Promise.all([post(), ...Array.from({ length: COUNT }, get)]);

  const responses: Awaited<ReturnType<typeof post>>[] = [];
  const getCpu = await cpuOf(() => Promise.all(Array.from({ length: COUNT }, get)));
  const postCpu = await cpuOf(async () => responses.push(...(await Promise.all(Array.from({ length: COUNT }, post)))));

  expect(responses.map((r) => r.status)).toEqual(Array(COUNT).fill(409));
  expect(responses[0]!.json.error).toBe("set-up is already done; sign in instead");
  // GET /api/setup only counts users. Hashing first, as before, added 100 argon2id hashes
  // (19 MiB each): several CPU seconds of the server's, where the GETs cost a fraction of one.
  expect(postCpu).toBeLessThan(getCpu * 3 + 1);
  expect(await prisma.user.count()).toBe(usersBefore);
  expect(await prisma.user.findUnique({ where: { email: body.email } })).toBeNull();
});
