// Readers for the log benchmarks: the floor (the engine or API server read directly by this
// process) and the dashboard (a socket.io viewer, acknowledging frames as the browser does). Both
// count lines per source and check that numbered lines arrive in order within each source.
import { PassThrough, Writable } from "node:stream";
import { Log, type KubeConfig } from "@kubernetes/client-node";
import type Docker from "dockerode";
import { io, type Socket } from "socket.io-client";
import { receiveFrame, type ReceivedFrame, type WireFrame } from "../../lib/streams/wire-frame";
import type { LogTarget } from "../../lib/streams/log-target";

export class Tally {
  lines = 0;
  skipped = 0;
  outOfOrder = 0;
  firstAt = 0;
  lastAt = 0;
  lastText = "";
  private lastNumber = new Map<string, number>();

  constructor(private readonly started = performance.now()) {}

  add(source: string, texts: string[]): void {
    if (!texts.length) return;
    const now = performance.now() - this.started;
    if (!this.firstAt) this.firstAt = now;
    this.lastAt = now;
    this.lines += texts.length;
    this.lastText = texts.at(-1)!;
    for (const text of texts) {
      const n = Number(/(\d+)\s*$/.exec(text)?.[1] ?? NaN);
      if (Number.isNaN(n)) continue;
      const before = this.lastNumber.get(source);
      if (before !== undefined && n <= before) this.outOfOrder++;
      this.lastNumber.set(source, n);
    }
  }
}

const splitter = (onLines: (texts: string[]) => void, notBefore?: string) => {
  let rest = "";
  return (chunk: Buffer) => {
    let parts = (rest + chunk.toString("utf8")).split("\n");
    rest = parts.pop() ?? "";
    if (notBefore) parts = parts.filter((p) => p.slice(0, p.indexOf(" ")) >= notBefore);
    // Drop the timestamp the readers ask for, as the dashboard does.
    if (parts.length) onLines(parts.map((p) => p.slice(p.indexOf(" ") + 1)));
  };
};

/** dockerode's follow stream of one container, demultiplexed. Returns a stop function. */
export async function floorDocker(
  docker: Docker,
  containerId: string,
  tail: number,
  onLines: (texts: string[]) => void,
): Promise<() => void> {
  const raw = (await docker.getContainer(containerId).logs({
    follow: true,
    stdout: true,
    stderr: true,
    timestamps: true,
    tail,
  })) as unknown as NodeJS.ReadableStream & { destroy(): void };
  const out = new PassThrough();
  out.on("data", splitter(onLines));
  docker.modem.demuxStream(raw, out, new PassThrough());
  return () => raw.destroy();
}

/** client-node's Log follow of one pod container. Returns a stop function. */
export async function floorKube(
  kc: KubeConfig,
  pod: { namespace: string; name: string; container: string },
  tail: number,
  onLines: (texts: string[]) => void,
): Promise<() => void> {
  // client-node ignores tailLines=0: ask from now and drop this second's older lines.
  const from = new Date().toISOString();
  const split = splitter(onLines, tail === 0 ? from : undefined);
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      split(chunk);
      done();
    },
  });
  const controller = await new Log(kc).log(pod.namespace, pod.name, pod.container, sink, {
    follow: true,
    timestamps: true,
    ...(tail === 0 ? { sinceTime: `${from.slice(0, 19)}Z` } : { tailLines: tail }),
  });
  return () => controller.abort();
}

/** A dashboard viewer: one socket, any number of subscriptions, frames acknowledged after `ackDelayMs`. */
export async function dashboardViewer(appUrl: string, cookie: string, options: { ackDelayMs?: number } = {}) {
  const socket: Socket = io(appUrl, { transports: ["websocket"], extraHeaders: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const listeners = new Set<(member: string, frame: ReceivedFrame) => void>();
  socket.on("logs:frame", (wire: WireFrame, ack: () => void) => {
    if (options.ackDelayMs) setTimeout(ack, options.ackDelayMs);
    else ack();
    const frame = receiveFrame(wire);
    for (const l of listeners) l(wire.member, frame);
  });
  return {
    onFrame(listener: (member: string, frame: ReceivedFrame) => void) {
      listeners.add(listener);
    },
    /** Resolves when the server accepted the subscription. */
    async subscribe(endpointId: string, target: LogTarget, tail: number): Promise<string> {
      const reply = (await socket.timeout(30_000).emitWithAck("logs:subscribe", { endpointId, target, tail })) as
        | { ok: true; data: { subscriptionId: string } }
        | { ok: false; error: string };
      if (!reply.ok) throw new Error(reply.error);
      return reply.data.subscriptionId;
    },
    close: () => socket.close(),
    socket,
  };
}

/** Feeds a dashboard viewer's frames into a tally (skip markers counted apart). */
export function tallyFrames(viewer: Awaited<ReturnType<typeof dashboardViewer>>, tally: Tally): void {
  viewer.onFrame((member, frame) => {
    tally.skipped += frame.skipped ?? 0;
    tally.add(
      member,
      frame.lines.map((l) => l.text),
    );
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `done()` or the deadline; returns whether it got there. */
export async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}
