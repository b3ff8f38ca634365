// Socket subscriptions to logs: checked with authorize() ("logs.read" on the endpoint), served by
// the shared LogHub, acknowledged batch by batch, and all dropped when the socket goes.
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io";
import { z } from "zod";
import { db } from "../db/client";
import type { Subject } from "../rbac/authorize";
import { loadSubject } from "../rbac/load-subject";
import { LogHub, type Subscription } from "../streams/log-hub";
import { resolveLogSource } from "../streams/resolve-log-source";
import type { RealtimeServer } from "./hub";

const name = z.string().min(1).max(253);
const subscribeSchema = z.object({
  endpointId: z.string().min(1).max(64),
  target: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("container"), containerId: z.string().min(1).max(128) }),
    z.object({ kind: z.literal("pod"), namespace: name, pod: name, container: name.optional() }),
  ]),
  tail: z.number().int().min(0).max(5000).default(300),
  since: z.string().max(64).optional(),
});

const ACK_TIMEOUT_MS = 30_000;

export function attachLogsWatch(io: RealtimeServer, log: (message: string) => void): LogHub {
  const hub = new LogHub(log);
  io.on("connection", (socket: Socket) => {
    const subscriptions = new Map<string, Subscription>();
    socket.on("logs:subscribe", async (raw: unknown, ack: unknown) => {
      const reply = typeof ack === "function" ? (ack as (r: unknown) => void) : () => {};
      const parsed = subscribeSchema.safeParse(raw);
      if (!parsed.success)
        return reply({
          ok: false,
          error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
        });
      const request = parsed.data;
      try {
        const subject: Subject | null = await loadSubject((socket.data as { subject: Subject }).subject.userId);
        const endpoint = await db().endpoint.findUnique({ where: { id: request.endpointId } });
        if (!subject || !endpoint) return reply({ ok: false, error: "endpoint not found" });
        const source = await resolveLogSource(subject, endpoint, request.target);
        const subscriptionId = randomUUID();
        const subscription = hub.subscribe({ source, tail: request.tail, since: request.since }, async (frame) => {
          await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("logs:frame", { ...frame, subscriptionId });
        });
        subscriptions.set(subscriptionId, subscription);
        reply({ ok: true, data: { subscriptionId, label: source.label } });
      } catch (error) {
        const status =
          (error as { statusCode?: number; code?: number }).statusCode ?? (error as { code?: number }).code;
        reply({ ok: false, error: status === 404 ? "no such container or pod" : (error as Error).message });
      }
    });
    socket.on("logs:unsubscribe", (raw: { subscriptionId?: unknown }) => {
      const id = typeof raw?.subscriptionId === "string" ? raw.subscriptionId : "";
      subscriptions.get(id)?.unsubscribe();
      subscriptions.delete(id);
    });
    socket.on("disconnect", () => {
      for (const s of subscriptions.values()) s.unsubscribe();
      subscriptions.clear();
    });
  });
  return hub;
}
