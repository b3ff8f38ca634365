// "Labels on every Docker endpoint" when two endpoints lead to the same engine: the container is
// one member of the view (the engine's ID tells), so its lines arrive once; if the subscription
// that follows it goes, the other one takes it over.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { say, testEngine } from "../support/engine";
import { ADMIN } from "../support/integration-setup";
import { logSocket } from "../support/log-socket";

const engine = testEngine(0);
const sockets: Socket[] = [];
const admin = new ApiClient(inject("appUrl"));
const endpointIds: string[] = [];

beforeAll(async () => {
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
  for (const name of ["a", "b"]) {
    const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: `same-engine-${name}-${Date.now()}`,
      connection: { kind: "docker", transport: "socket", socketPath: readTestEnv().docker[0]!.socketPath },
    });
    endpointIds.push(created.json.endpoint.id);
  }
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await engine.cleanup();
});

describe("one engine behind two endpoints", () => {
  it("shows a labelled container's lines once in the merged view", async () => {
    const stamp = String(Date.now());
    const container = await engine.run(["sh", "-c", "echo hello once; exec sleep 300"], {
      Labels: { "fleetdeck.test/same": stamp },
    });
    const v = logSocket(inject("appUrl"), admin.cookie);
    sockets.push(v.socket);
    const ids: string[] = [];
    for (const endpointId of endpointIds) {
      const ack = await v.socket.timeout(10_000).emitWithAck("logs:subscribe", {
        endpointId,
        target: { kind: "labels", selector: `fleetdeck.test/same=${stamp}` },
        tail: 10,
      });
      expect(ack).toMatchObject({ ok: true });
      ids.push((ack as { data: { subscriptionId: string } }).data.subscriptionId);
    }
    const count = (text: string) => v.texts().filter((t) => t === text).length;
    await expect.poll(() => count("hello once"), { timeout: 10_000 }).toBe(1);
    await say(container, "said once");
    await expect.poll(() => count("said once"), { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(count("hello once")).toBe(1);
    expect(count("said once")).toBe(1);
    const joined = v.members.flatMap((m) => m.joined.map(() => m.subscriptionId));
    expect(joined).toHaveLength(1);

    // The subscription that follows it goes: the other one takes the container over.
    const owner = joined[0]!;
    v.socket.emit("logs:unsubscribe", { subscriptionId: owner });
    const other = ids.find((id) => id !== owner)!;
    await expect
      .poll(() => v.members.some((m) => m.subscriptionId === other && m.joined.length === 1), { timeout: 10_000 })
      .toBe(true);
    await say(container, "after the hand-over");
    await expect
      .poll(
        () => v.frames.some((f) => f.subscriptionId === other && f.lines.some((l) => l.text === "after the hand-over")),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
  });
});
