// What the logger writes: one JSON object per line, the request id of the work in progress, and no
// secret — neither under a secret-looking key nor inside a message or an error.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log/logger";
import { scrubText } from "@/lib/log/redact";
import { requestIdFrom, runWithRequestId } from "@/lib/log/request-context";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: createLogger(stream), lines };
}

describe("the logger", () => {
  it("redacts secret-looking keys, at the top and one level down", () => {
    const { log, lines } = capture();
    log.info({ password: "hunter2hunter2", headers: { authorization: "Bearer abc", cookie: "s=1" } }, "signed in");
    log.info({ body: { token: "t0k3n", clientKey: "-----BEGIN" } }, "made");
    const text = JSON.stringify(lines);
    for (const secret of ["hunter2hunter2", "Bearer abc", "s=1", "t0k3n", "-----BEGIN"])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ level: "info", msg: "signed in", password: "[redacted]" });
  });

  it("scrubs secrets inside messages and errors", () => {
    const { log, lines } = capture();
    log.warn("cannot reach postgresql://postgres:s3cret@127.0.0.1:5432/fleetdeck");
    log.error({ err: new Error("rejected Authorization: Bearer fd_abcdefghijklmnopqrstuvwx") }, "failed");
    const text = JSON.stringify(lines);
    expect(text).not.toContain("s3cret");
    expect(text).not.toContain("fd_abcdefghijklmnopqrstuvwx");
    expect(text).toContain("postgresql://postgres:[redacted]@127.0.0.1:5432/fleetdeck");
  });

  it("puts the request id of the work in progress on every line, across awaits", async () => {
    const { log, lines } = capture();
    await runWithRequestId("req-12345678", async () => {
      await new Promise((r) => setTimeout(r, 5));
      log.info("inside");
    });
    log.info("outside");
    expect(lines[0]).toMatchObject({ msg: "inside", requestId: "req-12345678" });
    expect(lines[1]!.requestId).toBeUndefined();
  });
});

describe("request ids", () => {
  it("keeps a caller's short plain id and replaces anything else", () => {
    expect(requestIdFrom("abc-123_DEF.456")).toBe("abc-123_DEF.456");
    for (const bad of ["short", "has space in it", "x".repeat(65), "new\nline-injected", undefined])
      expect(requestIdFrom(bad)).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it("scrubs private keys and basic credentials from text", () => {
    const pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----";
    expect(scrubText(`key: ${pem} end`)).toBe("key: [redacted private key] end");
    expect(scrubText("Authorization: Basic dXNlcjpwYXNz")).toBe("Authorization: Basic [redacted]");
  });
});
