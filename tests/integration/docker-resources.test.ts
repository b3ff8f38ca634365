// Images, volumes and networks through the HTTP API against a real engine and registry.
import Docker from "dockerode";
import { beforeAll, describe, expect, it } from "vitest";
import { dockerEndpointWithRoles } from "../support/docker-endpoint";

let ctx: Awaited<ReturnType<typeof dockerEndpointWithRoles>>;
let docker: Docker;
let base = "";

beforeAll(async () => {
  ctx = await dockerEndpointWithRoles("resources-engine1");
  docker = new Docker({ socketPath: ctx.env.docker[0]!.socketPath });
  base = `/api/endpoints/${ctx.endpointId}/docker`;
});

describe("images", () => {
  it("pulls from the registry with per-layer progress, lists the image, then removes it", async () => {
    // A fresh layer, pushed to the registry and absent locally, so the pull really downloads.
    const repo = `${ctx.env.registry!.url}/dashboard-test/api-pull`;
    const tag = String(Date.now());
    const source = await docker.createContainer({
      Image: ctx.env.testImage,
      Cmd: ["sh", "-c", `head -c 3000000 /dev/urandom > /blob`],
      HostConfig: { NetworkMode: "none" },
    });
    await source.start();
    await source.wait();
    await source.commit({ repo, tag });
    await source.remove();
    const image = `${repo}:${tag}`;
    const pushed = await docker
      .getImage(image)
      .push({ authconfig: { username: "", password: "", serveraddress: ctx.env.registry!.url } });
    await new Promise((resolve, reject) =>
      docker.modem.followProgress(pushed, (e: Error | null) => (e ? reject(e) : resolve(null))),
    );
    await docker.getImage(image).remove();

    const response = await ctx.admin.raw("POST", `${base}/images/pull`, JSON.stringify({ image }));
    expect(response.status).toBe(200);
    const events = response.text
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            id?: string;
            status?: string;
            current?: number;
            total?: number;
            done?: boolean;
            error?: string;
          },
      );
    const layerProgress = events.filter((e) => e.status === "Downloading" && e.id && e.total);
    expect(layerProgress.length).toBeGreaterThan(0);
    expect(layerProgress.at(-1)!.current).toBeGreaterThan(0);
    expect(events.at(-1)).toEqual({ done: true });

    const list = await ctx.viewer.request<{ images: { id: string; tags: string[] }[] }>("GET", `${base}/images`);
    const row = list.json.images.find((i) => i.tags.includes(image))!;
    expect(row).toBeTruthy();
    const history = await ctx.viewer.request<{ history: unknown[] }>("GET", `${base}/images/${row.id}/history`);
    expect(history.json.history.length).toBeGreaterThan(0);
    expect((await ctx.viewer.request("DELETE", `${base}/images/${row.id}`)).status).toBe(403);
    expect((await ctx.admin.request("DELETE", `${base}/images/${row.id}?force=true`)).status).toBe(204);
    await expect(docker.getImage(image).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it("reports a failed pull in the stream with the engine's message", async () => {
    const response = await ctx.admin.raw(
      "POST",
      `${base}/images/pull`,
      JSON.stringify({ image: `${ctx.env.registry!.url}/does/not-exist:1` }),
    );
    const last = JSON.parse(response.text.trim().split("\n").at(-1)!) as { error?: string };
    expect(last.error).toMatch(/not found|unknown|manifest/i);
  });

  it("pulls from a registry that needs credentials when given them", async () => {
    const registry = ctx.env.authRegistry!;
    const image = `${registry.url}/${ctx.env.testImage}`;
    const refused = await ctx.admin.raw("POST", `${base}/images/pull`, JSON.stringify({ image }));
    expect(JSON.parse(refused.text.trim().split("\n").at(-1)!).error).toMatch(/credentials|unauthorized/i);
    const auth = { username: registry.auth!.username, password: registry.auth!.password, serveraddress: registry.url };
    const ok = await ctx.admin.raw("POST", `${base}/images/pull`, JSON.stringify({ image, auth }));
    expect(JSON.parse(ok.text.trim().split("\n").at(-1)!)).toEqual({ done: true });
    const audit = await ctx.admin.request("GET", "/api/health");
    expect(audit.text).not.toContain(registry.auth!.password);
    await docker.getImage(image).remove();
  });
});

describe("volumes and networks", () => {
  it("creates, lists with users, refuses a VIEWER, and removes", async () => {
    const name = `vol-${Date.now()}`;
    expect((await ctx.viewer.request("POST", `${base}/volumes`, { name })).status).toBe(403);
    expect((await ctx.admin.request("POST", `${base}/volumes`, { name })).status).toBe(201);
    const user = await docker.createContainer({
      name: `user-of-${name}`,
      Image: ctx.env.testImage,
      Cmd: ["true"],
      HostConfig: { NetworkMode: "none", Binds: [`${name}:/data`] },
    });
    const volumes = await ctx.viewer.request<{ volumes: { name: string; usedBy: string[] }[] }>(
      "GET",
      `${base}/volumes`,
    );
    expect(volumes.json.volumes.find((v) => v.name === name)?.usedBy).toEqual([`user-of-${name}`]);
    const inUse = await ctx.admin.request("DELETE", `${base}/volumes/${name}`);
    expect(inUse.status).toBe(409);
    expect(inUse.json.error).toMatch(/in use/);
    await user.remove();
    expect((await ctx.admin.request("DELETE", `${base}/volumes/${name}`)).status).toBe(204);

    const net = `net-${Date.now()}`;
    const created = await ctx.admin.request<{ id: string }>("POST", `${base}/networks`, { name: net, internal: true });
    expect(created.status).toBe(201);
    const networks = await ctx.viewer.request<{ networks: { id: string; name: string; internal: boolean }[] }>(
      "GET",
      `${base}/networks`,
    );
    expect(networks.json.networks.find((n) => n.name === net)).toMatchObject({ internal: true });
    expect((await ctx.operator.request("POST", `${base}/networks/prune`)).status).toBe(403);
    const pruned = await ctx.admin.request<{ removed: number }>("POST", `${base}/networks/prune`);
    expect(pruned.json.removed).toBeGreaterThanOrEqual(1);
    await expect(docker.getNetwork(created.json.id).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect((await ctx.admin.request("POST", `${base}/images`, { name: "x" })).status).toBe(400);
    expect((await ctx.admin.request("GET", `${base}/nonsense`)).status).toBe(400);
  });
});
