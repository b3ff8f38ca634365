// The listed Docker kinds: the client descriptors and the server operations describe the same kinds.
import { describe, expect, it } from "vitest";
import { KIND_OPERATIONS } from "@/lib/docker/kinds/operations";
import { DOCKER_KINDS, DOCKER_SECTIONS, dockerKind } from "@/lib/docker/kinds/registry";

describe("Docker kinds", () => {
  it("offers a create form exactly where the server can create, with the fields its schema reads", () => {
    for (const { resource } of DOCKER_KINDS) {
      const kind = dockerKind(resource);
      const create = KIND_OPERATIONS[resource].create;
      const fields = kind.createFields;
      expect([kind.resource, fields !== undefined]).toEqual([kind.resource, create !== undefined]);
      if (!create || !fields) continue;
      const sample = Object.fromEntries(fields.filter((f) => f.required).map((f) => [f.name, "sample-name"]));
      expect(create.schema.safeParse(sample).success).toBe(true);
    }
  });

  it("names each resource and tab once", () => {
    const resources = DOCKER_KINDS.map((k) => k.resource);
    expect(new Set(resources).size).toBe(resources.length);
    const paths = DOCKER_SECTIONS.map((s) => s.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(expect.arrayContaining(resources));
  });
});
