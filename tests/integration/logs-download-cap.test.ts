// A log download is streamed and capped in bytes: a container writing long lines gives at most
// MAX_DOWNLOAD_BYTES and a last line that says where it stopped; a client that goes away early
// leaves the server serving.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MAX_DOWNLOAD_BYTES } from "@/lib/streams/capped-download";
import { dockerEndpointWithRoles } from "../support/docker-endpoint";
import { testEngine } from "../support/engine";

const engine = testEngine(0);
let ctx: Awaited<ReturnType<typeof dockerEndpointWithRoles>>;

beforeAll(async () => {
  ctx = await dockerEndpointWithRoles(`download-cap-${Date.now()}`);
});

afterAll(() => engine.cleanup());

/** Runs the command and waits until it has written everything (the engine splits long lines at 16 KB). */
async function written(cmd: string[]) {
  const container = await engine.run(cmd);
  await expect
    .poll(async () => (await container.inspect()).State.Running, { timeout: 50_000, interval: 500 })
    .toBe(false);
  return container;
}

describe("capped log download", () => {
  it("stops a download of long lines at the byte cap and says so in its last line", async () => {
    // 4,000 lines of ~20 KB: about 80 MB, over the cap.
    const container = await written(["emit-lines", "100000", "4000", "long"]);
    const url = `${inject("appUrl")}/api/endpoints/${ctx.endpointId}/logs?container=${container.id}&tail=100000&timestamps=false`;
    const response = await fetch(url, { headers: { cookie: ctx.viewer.cookie } });
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThanOrEqual(MAX_DOWNLOAD_BYTES + 100);
    expect(body.length).toBeGreaterThan(MAX_DOWNLOAD_BYTES - 64 * 1024);
    const text = body.toString("utf8");
    const lines = text.trimEnd().split("\n");
    expect(lines.at(-1)).toBe(`[download stopped at ${MAX_DOWNLOAD_BYTES / 1024 / 1024} MB]`);
    expect(lines.at(-2)).toMatch(/^line \d+ long x{20000}$/);
    expect(lines[0]).toMatch(/^line \d+ long x+$/);
  });

  it("lets a client leave in the middle of a download; the server keeps serving", async () => {
    const container = await written(["emit-lines", "100000", "1000", "long"]);
    const abort = new AbortController();
    const response = await fetch(
      `${inject("appUrl")}/api/endpoints/${ctx.endpointId}/logs?container=${container.id}&tail=100000`,
      { headers: { cookie: ctx.viewer.cookie }, signal: abort.signal },
    );
    const reader = response.body!.getReader();
    await reader.read();
    abort.abort();
    expect((await fetch(`${inject("appUrl")}/api/health`)).ok).toBe(true);
  });
});
