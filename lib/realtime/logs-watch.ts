// Socket subscriptions to logs: checked with authorize() ("logs.read" on the endpoint), served by
// the shared LogHub, acknowledged batch by batch, and all dropped when the socket goes.
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io";
import { z } from "zod";
import { db } from "../db/client";
import { dockerClient } from "../endpoints/docker-client";
import { authorize, type Subject } from "../rbac/authorize";
import { loadSubject } from "../rbac/load-subject";
import { dockerLogSource } from "../streams/docker-log-source";
import { LogHub, type Subscription } from "../streams/log-hub";
import type { RealtimeServer } from "./hub";

const subscribeSchema = z.object({
  endpointId: z.string().min(1).max(64),
  containerId: z.string().min(1).max(128),
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
        const decision = subject && endpoint ? authorize(subject, "logs.read", { endpointId: endpoint.id }) : null;
        // Same answer for "does not exist" and "not yours", as over HTTP.
        if (
          !decision ||
          !endpoint ||
          endpoint.kind !== "DOCKER" ||
          (!decision.allowed && decision.reason === "not-visible")
        ) {
          return reply({ ok: false, error: "endpoint not found" });
        }
        if (!decision.allowed) return reply({ ok: false, error: "you may not read logs here" });
        const docker = dockerClient(endpoint);
        const info = await docker.getContainer(request.containerId).inspect();
        const label = info.Name.replace(/^\//, "");
        const source = dockerLogSource({ endpointId: endpoint.id, docker, containerId: info.Id, label });
        const subscriptionId = randomUUID();
        const subscription = hub.subscribe({ source, tail: request.tail, since: request.since }, async (frame) => {
          await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("logs:frame", { ...frame, subscriptionId });
        });
        subscriptions.set(subscriptionId, subscription);
        reply({ ok: true, data: { subscriptionId, label } });
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        reply({ ok: false, error: status === 404 ? "no such container" : (error as Error).message });
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
