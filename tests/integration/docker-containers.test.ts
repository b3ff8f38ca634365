// Containers through the HTTP API as each role, against a real engine: allowed actions change the
// engine, refused ones get 403 and change nothing; the engine's own errors reach the user.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dockerEndpointWithRoles } from "../support/docker-endpoint";
import { testEngine } from "../support/engine";

let ctx: Awaited<ReturnType<typeof dockerEndpointWithRoles>>;
const engine = testEngine(0);
const docker = engine.docker;
let base = "";

const runContainer = (name: string) => engine.run(["sleep", "300"], { name, Env: ["API_KEY=hunter2", "MODE=test"] });
const state = async (id: string) => (await docker.getContainer(id).inspect()).State;

beforeAll(async () => {
  ctx = await dockerEndpointWithRoles("containers-engine1");
  base = `/api/endpoints/${ctx.endpointId}/docker/containers`;
});

afterAll(() => engine.cleanup());

describe("containers API", () => {
  it("create → start → stop → remove round trip", async () => {
    const created = await ctx.admin.request<{ id: string }>("POST", base, {
      image: ctx.env.testImage,
      name: `roundtrip-${Date.now()}`,
      command: ["sleep", "300"],
      env: [{ name: "GREETING", value: "hello" }],
      labels: { "com.docker.compose.project": "demo" },
      networkMode: "none",
    });
    expect(created.status).toBe(201);
    const id = created.json.id;
    engine.track(id);
    expect((await state(id)).Running).toBe(true);
    const list = await ctx.admin.request<{ containers: { id: string; state: string; project: string | null }[] }>(
      "GET",
      base,
    );
    expect(list.json.containers.find((c) => c.id === id)).toMatchObject({ state: "running", project: "demo" });
    expect((await ctx.admin.request("POST", `${base}/${id}/stop`, { timeout: 1 })).status).toBe(204);
    expect((await state(id)).Running).toBe(false);
    // Read at once after a change made through the dashboard: already there, no waiting for events.
    const afterStop = await ctx.admin.request<{ containers: { id: string; state: string }[] }>("GET", base);
    expect(afterStop.json.containers.find((c) => c.id === id)?.state).toBe("exited");
    expect((await ctx.admin.request("POST", `${base}/${id}/remove`, {})).status).toBe(204);
    await expect(docker.getContainer(id).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it("keeps its list current with changes made on the engine directly", async () => {
    const listed = async () =>
      (await ctx.viewer.request<{ containers: { id: string; state: string }[] }>("GET", base)).json.containers;
    const { id: stays } = await runContainer(`direct-a-${Date.now()}`);
    expect((await listed()).find((c) => c.id === stays)?.state).toBe("running");
    // Around the dashboard: created, stopped and removed with the engine's own API.
    const { id: added } = await runContainer(`direct-b-${Date.now()}`);
    await docker.getContainer(stays).stop({ t: 0 });
    await expect.poll(async () => (await listed()).find((c) => c.id === added)?.state).toBe("running");
    await expect.poll(async () => (await listed()).find((c) => c.id === stays)?.state).toBe("exited");
    await docker.getContainer(added).remove({ force: true });
    await expect.poll(async () => (await listed()).some((c) => c.id === added)).toBe(false);
  });

  it("lets an OPERATOR run lifecycle actions", async () => {
    const { id } = await runContainer(`op-${Date.now()}`);
    const act = (action: string, body: unknown = {}) => ctx.operator.request("POST", `${base}/${id}/${action}`, body);
    expect((await act("pause")).status).toBe(204);
    expect((await state(id)).Paused).toBe(true);
    expect((await act("unpause")).status).toBe(204);
    expect((await act("restart", { timeout: 1 })).status).toBe(204);
    expect((await state(id)).Running).toBe(true);
    const newName = `renamed-${Date.now()}`;
    expect((await act("rename", { name: newName })).status).toBe(204);
    expect((await docker.getContainer(id).inspect()).Name).toBe(`/${newName}`);
    expect((await act("kill")).status).toBe(204);
    expect((await state(id)).Running).toBe(false);
    expect((await act("start")).status).toBe(204);
    expect((await state(id)).Running).toBe(true);
  });

  it("refuses an OPERATOR removal and every VIEWER change with 403, changing nothing", async () => {
    const { id } = await runContainer(`guarded-${Date.now()}`);
    const removal = await ctx.operator.request("POST", `${base}/${id}/remove`, { force: true });
    expect(removal.status).toBe(403);
    for (const action of ["stop", "restart", "kill", "pause", "rename", "remove"]) {
      const response = await ctx.viewer.request("POST", `${base}/${id}/${action}`, { name: "nope", force: true });
      expect(response.status, action).toBe(403);
    }
    expect((await ctx.viewer.request("POST", base, { image: ctx.env.testImage, networkMode: "none" })).status).toBe(
      403,
    );
    const after = await docker.getContainer(id).inspect();
    expect(after.State.Running).toBe(true);
    expect(after.State.Paused).toBe(false);
    expect(after.Name).toMatch(/^\/guarded-/);
    expect((await ctx.viewer.request("GET", base)).status).toBe(200);
  });

  it("shows environment values to an OPERATOR and only names to a VIEWER", async () => {
    const { id } = await runContainer(`env-${Date.now()}`);
    type Details = { container: { env: { name: string; value: string | null }[] } };
    const asOperator = await ctx.operator.request<Details>("GET", `${base}/${id}`);
    expect(asOperator.json.container.env).toContainEqual({ name: "API_KEY", value: "hunter2" });
    const asViewer = await ctx.viewer.request<Details>("GET", `${base}/${id}`);
    expect(asViewer.json.container.env).toContainEqual({ name: "API_KEY", value: null });
    expect(asViewer.text).not.toContain("hunter2");
  });

  it("passes the engine's own errors on in plain words", async () => {
    const { id } = await runContainer(`busy-${Date.now()}`);
    const conflict = await ctx.admin.request("POST", `${base}/${id}/remove`, {});
    expect(conflict.status).toBe(409);
    expect(conflict.json.error).toMatch(/stop the container before removing|cannot remove a running container/i);
    const missing = await ctx.admin.request("GET", `${base}/no-such-container`);
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatch(/no such container/i);
    const badAction = await ctx.admin.request("POST", `${base}/${id}/explode`, {});
    expect(badAction.status).toBe(400);
    const badBody = await ctx.admin.request("POST", base, { image: "" });
    expect(badBody.status).toBe(400);
    expect(badBody.json.error).toMatch(/image is required/);
  });
});

describe("recreate", () => {
  it("replaces a container with a changed environment, keeping its name, as ENDPOINT_ADMIN only", async () => {
    const name = `recreate-${Date.now()}`;
    const { id } = await runContainer(name);
    expect((await ctx.operator.request("POST", `${base}/${id}/recreate`, { env: { MODE: "prod" } })).status).toBe(403);
    const response = await ctx.admin.request<{ id: string }>("POST", `${base}/${id}/recreate`, {
      env: { MODE: "prod", API_KEY: null, EXTRA: "1" },
      timeout: 1,
    });
    expect(response.status, response.text).toBe(200);
    const fresh = await docker.getContainer(response.json.id).inspect();
    engine.track(fresh.Id);
    expect(fresh.Id).not.toBe(id);
    expect(fresh.Name).toBe(`/${name}`);
    expect(fresh.State.Running).toBe(true);
    expect(fresh.Config.Env).toEqual(expect.arrayContaining(["MODE=prod", "EXTRA=1"]));
    expect(fresh.Config.Env!.some((e) => e.startsWith("API_KEY="))).toBe(false);
    await expect(docker.getContainer(id).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it("puts the old container back when the new one cannot be created", async () => {
    const name = `recreate-bad-${Date.now()}`;
    const { id } = await runContainer(name);
    const response = await ctx.admin.request("POST", `${base}/${id}/recreate`, {
      image: "no-such-image:404",
      timeout: 1,
    });
    expect(response.status).toBe(404);
    expect(response.json.error).toMatch(/no such image/i);
    const info = await docker.getContainer(id).inspect();
    expect(info.Name).toBe(`/${name}`);
    expect(info.State.Running).toBe(true);
  });
});
