// A terminal session's rules without an engine: the idle timeout (on a fake clock), one end
// whichever side ends it, output held until released and paused upstream while the browser is
// behind, with bounded memory.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FRAME_BYTES, MAX_IN_FLIGHT, MAX_IN_FLIGHT_BYTES } from "@/lib/streams/terminal/output-flow";
import { TerminalSession, type SessionEnd } from "@/lib/streams/terminal/terminal-session";
import type { TerminalUpstream } from "@/lib/streams/terminal/terminal-upstream";

function fakeUpstream() {
  const calls: string[] = [];
  const upstream: TerminalUpstream = {
    write: (data) => calls.push(`write ${data}`),
    resize: (size) => calls.push(`resize ${size.cols}x${size.rows}`),
    pause: () => calls.push("pause"),
    resume: () => calls.push("resume"),
    close: () => calls.push("close"),
  };
  return { upstream, calls };
}

function session(options: { idleTimeoutMs?: number } = {}) {
  const ends: SessionEnd[] = [];
  const frames: { data: Buffer; ack: () => void }[] = [];
  const s = new TerminalSession({
    idleTimeoutMs: options.idleTimeoutMs ?? 0,
    send: (data) => new Promise<void>((ack) => frames.push({ data, ack })),
    onEnd: (end) => ends.push(end),
  });
  const { upstream, calls } = fakeUpstream();
  s.connect(upstream);
  return { s, ends, frames, calls };
}

describe("idle timeout", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("closes a session nobody typed in for EXEC_IDLE_TIMEOUT_SECONDS, and not before", () => {
    const { s, ends, calls } = session({ idleTimeoutMs: 30 * 60_000 });
    vi.advanceTimersByTime(20 * 60_000);
    s.input("ls\r");
    vi.advanceTimersByTime(29 * 60_000);
    expect(ends).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(ends).toEqual([{ by: "server", exitCode: null, message: "closed after 30 min without input" }]);
    expect(calls).toEqual(["write ls\r", "close"]);
  });

  it("counts output as no one's activity: a program printing forever still times out", () => {
    const { s, ends } = session({ idleTimeoutMs: 60_000 });
    s.release();
    for (let i = 0; i < 10; i++) {
      s.sink.output(Buffer.from("tick\n"));
      vi.advanceTimersByTime(6_000);
    }
    expect(ends).toHaveLength(1);
  });

  it("never closes with a timeout of 0", () => {
    const { ends } = session({ idleTimeoutMs: 0 });
    vi.advanceTimersByTime(365 * 24 * 3600_000);
    expect(ends).toEqual([]);
  });
});

describe("ending", () => {
  it("ends once: the process's end after a close is not told again", async () => {
    const { s, ends, calls } = session();
    s.close("access revoked");
    s.sink.ended({ exitCode: 0, message: null });
    s.input("x");
    await Promise.resolve();
    expect(ends).toEqual([{ by: "server", exitCode: null, message: "access revoked" }]);
    expect(calls).toEqual(["close"]);
  });

  it("tells the end of the process after its last output reached the browser", async () => {
    const { s, ends, frames } = session();
    s.release();
    s.sink.output(Buffer.from("bye\r\n"));
    s.sink.ended({ exitCode: 0, message: null });
    await Promise.resolve();
    expect(ends).toEqual([]);
    frames[0]!.ack();
    await vi.waitFor(() => expect(ends).toEqual([{ by: "process", exitCode: 0, message: null }]));
  });
});

describe("output flow", () => {
  it("holds output until released (the browser first learns the session id)", () => {
    const { s, frames } = session();
    s.sink.output(Buffer.from("early"));
    expect(frames).toHaveLength(0);
    s.release();
    expect(frames.map((f) => f.data.toString())).toEqual(["early"]);
  });

  it("pauses the upstream while the browser is behind, merges what waits, and resumes", async () => {
    const { s, frames, calls } = session();
    s.release();
    for (let i = 0; i < MAX_IN_FLIGHT; i++) s.sink.output(Buffer.alloc(10, 97));
    expect(frames).toHaveLength(MAX_IN_FLIGHT);
    expect(calls).toEqual([]);
    s.sink.output(Buffer.alloc(FRAME_BYTES, 98));
    s.sink.output(Buffer.alloc(10, 99));
    expect(calls).toEqual(["pause"]);
    frames[0]!.ack();
    await vi.waitFor(() => expect(frames).toHaveLength(MAX_IN_FLIGHT + 1));
    // One full frame went; the last 10 bytes wait: still behind.
    expect(frames.at(-1)!.data.length).toBe(FRAME_BYTES);
    expect(calls).toEqual(["pause"]);
    frames[1]!.ack();
    await vi.waitFor(() => expect(calls).toEqual(["pause", "resume"]));
    expect(frames.at(-1)!.data).toEqual(Buffer.alloc(10, 99));
  });

  it("counts bytes in flight too: a few large frames fill the window", () => {
    const { s, frames, calls } = session();
    s.release();
    const frameCount = MAX_IN_FLIGHT_BYTES / FRAME_BYTES;
    for (let i = 0; i < frameCount; i++) s.sink.output(Buffer.alloc(FRAME_BYTES));
    expect(frames).toHaveLength(frameCount);
    s.sink.output(Buffer.alloc(1));
    expect(frames).toHaveLength(frameCount);
    expect(calls).toEqual(["pause"]);
  });

  it("ends the session when the browser does not acknowledge", async () => {
    const ends: SessionEnd[] = [];
    const s = new TerminalSession({
      idleTimeoutMs: 0,
      send: () => Promise.reject(new Error("operation has timed out")),
      onEnd: (end) => ends.push(end),
    });
    s.connect(fakeUpstream().upstream);
    s.release();
    s.sink.output(Buffer.from("x"));
    await vi.waitFor(() =>
      expect(ends).toEqual([{ by: "server", exitCode: null, message: "the browser stopped reading the output" }]),
    );
  });
});
