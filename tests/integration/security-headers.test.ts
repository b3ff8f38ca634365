// What the browser is told about every page: a Content Security Policy with a fresh nonce that
// every inline and bootstrap script carries, no eval, no framing; no sniffing; a referrer policy.
import { describe, expect, inject, it } from "vitest";

const page = () => fetch(`${inject("appUrl")}/login`, { redirect: "manual" });

describe("security headers", () => {
  it("sends a strict policy whose nonce every script on the page carries", async () => {
    const response = await page();
    const policy = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(/script-src[^;]*'unsafe-inline'/.test(policy)).toBe(false);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("uses a new nonce for every response", async () => {
    const nonces = await Promise.all(
      [1, 2, 3].map(async () => /'nonce-([^']+)'/.exec((await page()).headers.get("content-security-policy")!)?.[1]),
    );
    expect(new Set(nonces).size).toBe(3);
  });

  it("tells browsers to keep to https when reached over https", async () => {
    const response = await fetch(`${inject("appUrl")}/login`, { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect((await page()).headers.get("strict-transport-security")).toBeNull();
  });
});
