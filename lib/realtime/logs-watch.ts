// Socket subscriptions to logs: each names an endpoint and a target (a container, a pod, a
// workload, a selector, Docker labels), is checked with authorize() ("logs.read" on the endpoint
// and namespace) on subscribe and again whenever members join, is served by the shared LogHub,
// acknowledged batch by batch, and dropped when the socket goes.
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io";
import { z } from "zod";
import { db } from "../db/client";
import { authorize, type Subject } from "../rbac/authorize";
import { loadSubject } from "../rbac/load-subject";
import { LogGroup } from "../streams/log-group";
import { LogHub } from "../streams/log-hub";
import { MemberSetHub } from "../streams/member-set-hub";
import { resolveLogMembers } from "../streams/resolve-log-members";
import { lineMatcher, searchBuffers } from "../streams/search-buffers";
import { toWire } from "../streams/wire-frame";
import { WORKLOAD_KINDS } from "./events";
import type { RealtimeServer } from "./hub";

const name = z.string().min(1).max(253);
const kubeSelector = z
  .string()
  .min(1)
  .max(1000)
  .regex(/^[A-Za-z0-9._/\-=!,() ]+$/, "a label selector such as app=web or tier in (api,worker)");
const dockerLabels = z
  .string()
  .min(1)
  .max(1000)
  .regex(
    /^\s*[^=,\s]+(=[^,]*)?(\s*,\s*[^=,\s]+(=[^,]*)?)*\s*$/,
    "labels such as app=api or com.docker.compose.project=web",
  );
const timestamp = z
  .string()
  .max(64)
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/, "an RFC 3339 time");

const subscribeSchema = z.object({
  endpointId: z.string().min(1).max(64),
  target: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("container"), containerId: z.string().min(1).max(128) }),
    z.object({
      kind: z.literal("pod"),
      namespace: name,
      pod: name,
      container: name.optional(),
      previous: z.boolean().optional(),
    }),
    z.object({ kind: z.literal("workload"), namespace: name, workload: z.enum(WORKLOAD_KINDS), name }),
    z.object({ kind: z.literal("selector"), namespace: name.optional(), selector: kubeSelector }),
    z.object({ kind: z.literal("labels"), selector: dockerLabels }),
  ]),
  tail: z.number().int().min(0).max(5000).default(300),
  since: timestamp.optional(),
  resume: z.record(z.string().max(600), timestamp).optional(),
});

const searchSchema = z.object({
  subscriptionIds: z.array(z.string().max(64)).min(1).max(500),
  pattern: z.string().min(1).max(1000),
  regex: z.boolean().default(false),
  context: z.number().int().min(0).max(20).default(2),
});

const ACK_TIMEOUT_MS = 30_000;

const problems = (error: z.ZodError) => error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");

export function attachLogsWatch(io: RealtimeServer, log: (message: string) => void): LogHub {
  const hub = new LogHub(log);
  const memberSets = new MemberSetHub();
  io.on("connection", (socket: Socket) => {
    const groups = new Map<string, LogGroup>();
    const userId = () => (socket.data as { subject: Subject }).subject.userId;

    socket.on("logs:subscribe", async (raw: unknown, ack: unknown) => {
      const reply = typeof ack === "function" ? (ack as (r: unknown) => void) : () => {};
      const parsed = subscribeSchema.safeParse(raw);
      if (!parsed.success) return reply({ ok: false, error: problems(parsed.error) });
      const request = parsed.data;
      try {
        const subject = await loadSubject(userId());
        const endpoint = await db().endpoint.findUnique({ where: { id: request.endpointId } });
        if (!subject || !endpoint) return reply({ ok: false, error: "endpoint not found" });
        const set = await resolveLogMembers(subject, endpoint, request.target);
        const subscriptionId = randomUUID();
        const group = new LogGroup({
          hub,
          memberSets,
          set,
          tail: request.tail,
          since: request.since,
          resume: request.resume,
          // Grants are read again whenever members join: a revoked grant or namespace stops them.
          admit: async (sources) => {
            const current = await loadSubject(userId());
            if (!current) return [];
            return sources.filter(
              (s) => authorize(current, "logs.read", { endpointId: s.endpointId, namespace: s.namespace }).allowed,
            );
          },
          deliver: async (member, frame) => {
            await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("logs:frame", toWire(frame, subscriptionId, member));
          },
          announce: (change) => socket.emit("logs:members", { subscriptionId, ...change }),
          problem: (error) =>
            socket.emit(
              "logs:frame",
              toWire(
                { lines: [], status: error ? "reconnecting" : "live", error: error ?? undefined },
                subscriptionId,
                "",
              ),
            ),
        });
        groups.set(subscriptionId, group);
        reply({ ok: true, data: { subscriptionId, label: set.label } });
        group.start();
      } catch (error) {
        const status =
          (error as { statusCode?: number; code?: number }).statusCode ?? (error as { code?: number }).code;
        reply({ ok: false, error: status === 404 ? "not found" : (error as Error).message });
      }
    });

    socket.on("logs:unsubscribe", (raw: { subscriptionId?: unknown }) => {
      const id = typeof raw?.subscriptionId === "string" ? raw.subscriptionId : "";
      groups.get(id)?.close();
      groups.delete(id);
    });

    socket.on("logs:search", (raw: unknown, ack: unknown) => {
      const reply = typeof ack === "function" ? (ack as (r: unknown) => void) : () => {};
      const parsed = searchSchema.safeParse(raw);
      if (!parsed.success) return reply({ ok: false, error: problems(parsed.error) });
      const { subscriptionIds, pattern, regex, context } = parsed.data;
      let matches: (text: string) => boolean;
      try {
        matches = lineMatcher(pattern, regex);
      } catch (error) {
        return reply({ ok: false, error: `not a valid regular expression: ${(error as Error).message}` });
      }
      // Only this socket's own subscriptions: what it was already allowed to read.
      const buffers = subscriptionIds.flatMap((subscriptionId) =>
        (groups.get(subscriptionId)?.members() ?? []).map((m) => ({
          subscriptionId,
          member: m.key,
          label: m.label,
          lines: hub.recentLines(m.key),
        })),
      );
      reply({ ok: true, data: searchBuffers(buffers, matches, context) });
    });

    socket.on("disconnect", () => {
      for (const g of groups.values()) g.close();
      groups.clear();
    });
  });
  return hub;
}
