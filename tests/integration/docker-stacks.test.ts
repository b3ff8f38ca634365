// Deploying a compose file as a stack on a real engine: volumes, labels, dependency order,
// replacement on redeploy; and refusals.
import Docker from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dockerEndpointWithRoles } from "../support/docker-endpoint";

let ctx: Awaited<ReturnType<typeof dockerEndpointWithRoles>>;
let docker: Docker;
let base = "";
const project = `shop${Date.now()}`;

const compose = (image: string, greeting: string) => `services:
  web:
    image: ${image}
    command: ["sleep", "300"]
    network_mode: none
    depends_on: [db]
    environment:
      GREETING: ${greeting}
    labels:
      tier: front
  db:
    image: ${image}
    command: sleep 300
    network_mode: none
    volumes: ["data:/var/lib/data"]
volumes:
  data: {}
`;

type Line = { step?: number; total?: number; message?: string; done?: boolean; error?: string };
const lines = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Line);

beforeAll(async () => {
  ctx = await dockerEndpointWithRoles("stacks-engine1");
  docker = new Docker({ socketPath: ctx.env.docker[0]!.socketPath });
  base = `/api/endpoints/${ctx.endpointId}/docker/stacks`;
});

afterAll(async () => {
  const left = await docker.listContainers({
    all: true,
    filters: { label: [`com.docker.compose.project=${project}`] },
  });
  await Promise.all(left.map((c) => docker.getContainer(c.Id).remove({ force: true })));
  await docker
    .getVolume(`${project}_data`)
    .remove()
    .catch(() => {});
});

describe("stack deploy", () => {
  it("creates the volume and starts services in dependency order, streaming progress", async () => {
    const response = await ctx.admin.raw(
      "POST",
      base,
      JSON.stringify({ project, compose: compose(ctx.env.testImage, "hello") }),
    );
    expect(response.status).toBe(200);
    const steps = lines(response.text);
    expect(steps.at(-1)).toEqual({ done: true });
    const messages = steps.map((s) => s.message ?? "");
    expect(messages.findIndex((m) => m.startsWith("started db"))).toBeLessThan(
      messages.findIndex((m) => m.startsWith("started web")),
    );
    expect(steps.filter((s) => s.step).map((s) => s.step)).toEqual([1, 2, 3]);
    const containers = await docker.listContainers({ filters: { label: [`com.docker.compose.project=${project}`] } });
    expect(containers.map((c) => c.Labels["com.docker.compose.service"]).sort()).toEqual(["db", "web"]);
    const web = await docker.getContainer(`${project}-web-1`).inspect();
    expect(web.Config.Env).toContain("GREETING=hello");
    expect(web.Config.Labels.tier).toBe("front");
    const db = await docker.getContainer(`${project}-db-1`).inspect();
    expect(db.Mounts[0]).toMatchObject({ Type: "volume", Name: `${project}_data`, Destination: "/var/lib/data" });
  });

  it("replaces the project's containers on redeploy and keeps the volume", async () => {
    const before = await docker.getContainer(`${project}-web-1`).inspect();
    const response = await ctx.admin.raw(
      "POST",
      base,
      JSON.stringify({ project, compose: compose(ctx.env.testImage, "again") }),
    );
    expect(lines(response.text).at(-1)).toEqual({ done: true });
    const after = await docker.getContainer(`${project}-web-1`).inspect();
    expect(after.Id).not.toBe(before.Id);
    expect(after.Config.Env).toContain("GREETING=again");
    expect(
      (await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } }))
        .length,
    ).toBe(2);
  });

  it("refuses a bad compose file with the line, and an OPERATOR, before touching the engine", async () => {
    const bad = await ctx.admin.request("POST", base, {
      project: "bad",
      compose: "services:\n  app:\n    build: .\n    image: x\n",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/line 3: .*"build" is not supported/);
    const operator = await ctx.operator.request("POST", base, {
      project: "op",
      compose: compose(ctx.env.testImage, "x"),
    });
    expect(operator.status).toBe(403);
    expect(await docker.listContainers({ all: true, filters: { label: ["com.docker.compose.project=op"] } })).toEqual(
      [],
    );
  });

  it("reports a failing step in the stream with the engine's message", async () => {
    const response = await ctx.admin.raw(
      "POST",
      base,
      JSON.stringify({ project: `${project}x`, compose: compose(`${ctx.env.registry!.url}/missing/image:1`, "x") }),
    );
    expect(lines(response.text).at(-1)?.error).toMatch(/not found|manifest unknown/i);
  });
});
