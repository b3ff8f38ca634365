// The API's description is served to anyone (it holds no data), as OpenAPI 3.1, and lists the
// routes a script would use with the permission each needs.
import { describe, expect, inject, it } from "vitest";

describe("/api/openapi.json", () => {
  it("describes the REST API without a sign-in", async () => {
    const response = await fetch(`${inject("appUrl")}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { "x-fleetdeck-permission"?: string; requestBody?: unknown }>>;
    };
    expect(document.openapi).toBe("3.1.0");
    const restart = document.paths["/api/endpoints/{id}/docker/containers"]!;
    expect(restart.get!["x-fleetdeck-permission"]).toBe("resource.read");
    expect(restart.post!.requestBody).toBeTruthy();
    expect(document.paths["/api/admin/grants"]!.post!["x-fleetdeck-permission"]).toBe("user.manage");
  });
});
