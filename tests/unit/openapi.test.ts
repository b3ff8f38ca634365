// The committed OpenAPI document is what the route handlers say now (run `npm run openapi` after
// changing a route), and every route that takes input describes it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, routeFiles } from "@/lib/openapi/build-document";

const root = path.resolve(import.meta.dirname, "../..");

describe("the OpenAPI document", () => {
  it("matches the route handlers", { timeout: 60_000 }, async () => {
    const committed = JSON.parse(readFileSync(path.join(root, "lib/openapi/openapi.json"), "utf8")) as unknown;
    expect(await buildOpenApiDocument(root)).toEqual(committed);
  });

  it("describes every route but the sign-in library's and the liveness probe", async () => {
    const document = (await buildOpenApiDocument(root)) as { paths: Record<string, unknown> };
    const undocumented = routeFiles(root)
      .map(([url]) => url)
      .filter((url) => !document.paths[url]);
    expect(undocumented).toEqual(["/api/auth/[...nextauth]", "/api/health"]);
  });
});
