// Request paths become the app's route patterns (bounded label values for metrics and access
// logs), chosen as Next chooses: a static segment before a [param] before a [...catch-all].
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compilePatterns, readAppPatterns, routeOf } from "@/lib/metrics/route-patterns";

const root = path.resolve(import.meta.dirname, "../..");
const patterns = compilePatterns(readAppPatterns(root));

describe("routeOf", () => {
  it("names the app's own routes by pattern, never by id", () => {
    expect(routeOf(patterns, "/api/endpoints/cm0abc123/docker/containers")).toBe(
      "/api/endpoints/[id]/docker/containers",
    );
    expect(routeOf(patterns, "/api/endpoints/e1/docker/volumes/v1")).toBe(
      "/api/endpoints/[id]/docker/[resource]/[name]",
    );
    expect(routeOf(patterns, "/api/endpoints/e1/test")).toBe("/api/endpoints/[id]/test");
    expect(routeOf(patterns, "/api/endpoints")).toBe("/api/endpoints");
    expect(routeOf(patterns, "/invite/secret-token-value")).toBe("/invite/[token]");
    expect(routeOf(patterns, "/")).toBe("/");
  });

  it("prefers a static segment to a parameter, and a parameter to a catch-all", () => {
    const own = compilePatterns(["/a/[x]", "/a/b", "/a/[...rest]", "/a/[[...maybe]]", "/c/[[...maybe]]"]);
    expect(routeOf(own, "/a/b")).toBe("/a/b");
    expect(routeOf(own, "/a/z")).toBe("/a/[x]");
    expect(routeOf(own, "/a/z/y")).toBe("/a/[...rest]");
    expect(routeOf(own, "/c")).toBe("/c/[[...maybe]]");
    expect(routeOf(own, "/c/1/2")).toBe("/c/[[...maybe]]");
  });

  it("leaves out route groups and gives Next's assets one name", () => {
    expect(patterns.some((p) => p.pattern.includes("("))).toBe(false);
    expect(routeOf(patterns, "/_next/static/chunks/abc.js")).toBe("/_next");
    expect(routeOf(patterns, "/no/such/page/here/at/all")).toBeNull();
    expect(routeOf(patterns, "/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
  });
});
