import { describe, expect, it } from "vitest";
import { parseCompose } from "@/lib/docker/compose/parse-compose";

const compose = `services:
  web:
    image: nginx:1.27
    depends_on: [api]
    ports: ["8080:80", "127.0.0.1:8443:443/tcp"]
    environment:
      MODE: prod
      DEBUG: false
  api:
    image: example/api:2
    depends_on:
      db: { condition: service_started }
    command: serve --port "80"
    volumes: ["data:/var/lib/api:ro", "/etc/api:/config"]
    mem_limit: 256m
  db:
    image: postgres:16
    environment: ["POSTGRES_PASSWORD=secret"]
volumes:
  data: {}
`;

describe("compose parsing", () => {
  it("orders services after what they depend on and reads the common fields", () => {
    const plan = parseCompose(compose);
    expect(plan.services.map((s) => s.name)).toEqual(["db", "api", "web"]);
    const web = plan.services.find((s) => s.name === "web")!;
    expect(web.ports).toEqual([
      { container: 80, protocol: "tcp", host: 8080, hostIp: undefined },
      { container: 443, protocol: "tcp", host: 8443, hostIp: "127.0.0.1" },
    ]);
    expect(web.environment).toEqual({ MODE: "prod", DEBUG: "false" });
    const api = plan.services.find((s) => s.name === "api")!;
    expect(api.command).toEqual(["serve", "--port", "80"]);
    expect(api.mounts).toEqual([
      { type: "volume", source: "data", target: "/var/lib/api", readOnly: true },
      { type: "bind", source: "/etc/api", target: "/config", readOnly: false },
    ]);
    expect(api.memoryBytes).toBe(256 * 1024 * 1024);
    expect(plan.services.find((s) => s.name === "db")!.environment).toEqual({ POSTGRES_PASSWORD: "secret" });
    expect(plan.volumes).toEqual([{ name: "data", driver: "local", external: false, labels: {} }]);
  });

  it("refuses what it cannot do faithfully, saying what and where", () => {
    expect(() => parseCompose("services:\n  app:\n    build: .\n    image: x\n")).toThrow(
      /line 3: services.app: "build" is not supported/,
    );
    expect(() => parseCompose("services:\n  app:\n    command: x\n")).toThrow(/services.app.image/);
    expect(() => parseCompose("services:\n  app:\n    image: x\n    volumes: ['./src:/src']\n")).toThrow(
      /absolute path on the Docker host/,
    );
    expect(() => parseCompose("services:\n  app:\n    image: x\n    volumes: ['cache:/c']\n")).toThrow(
      /volume "cache", which is not defined/,
    );
    expect(() =>
      parseCompose("services:\n  a: {image: x, depends_on: [b]}\n  b: {image: y, depends_on: [a]}\n"),
    ).toThrow(/circle: a → b → a/);
    expect(() => parseCompose("services:\n  a: {image: x, depends_on: [ghost]}\n")).toThrow(
      /"ghost", which is not defined/,
    );
    expect(() => parseCompose("services:\n  a:\n   image: [oops\n")).toThrow(/line \d+/);
  });
});
