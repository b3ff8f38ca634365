// The one way to handle a client → server socket event: parse the payload with the event's schema
// from the registry, run the handler, and acknowledge exactly once with { ok: true, data } or
// { ok: false, error } — a message meant for the person, never a stack — even when the client sent
// no acknowledgement callback or the handler threw. Nothing here can become an unhandled rejection.
import type { z } from "zod";
import { recordAudit } from "../audit/record";
import { UpstreamError, describeUpstreamError } from "../endpoints/upstream-error";
import { HttpError } from "../errors";
import { newRequestId, runWithRequestId } from "../log/request-context";
import { AccessDeniedError } from "../rbac/access-denied";
import { LogAccessError } from "../streams/resolve-log-members";
import { CLIENT_EVENT_SCHEMAS, type ClientEvent } from "./event-schemas";
import type { Ack, ClientToServerEvents } from "./events";
import type { RealtimeSocket } from "./socket-data";

/** A refusal whose message is for the person who asked ("at most 50 subscriptions per tab"). */
export class SocketRequestError extends Error {}

// What the event's acknowledgement carries (null for events acknowledged without data).
type AckData<P> = P extends Ack<infer T> ? T : never;
type ReplyOf<E extends ClientEvent> = [AckData<NonNullable<Parameters<ClientToServerEvents[E]>[number]>>] extends [
  never,
]
  ? null
  : AckData<NonNullable<Parameters<ClientToServerEvents[E]>[number]>>;

export type EventHandler<E extends ClientEvent> = (
  request: z.output<(typeof CLIENT_EVENT_SCHEMAS)[E]>,
) => Promise<ReplyOf<E>> | ReplyOf<E>;

const problems = (error: z.ZodError) =>
  error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");

/** What the person is told about a failure; anything unexpected is logged and not described. */
export function publicMessage(error: unknown, log: (message: string) => void): string {
  if (
    error instanceof SocketRequestError ||
    error instanceof AccessDeniedError ||
    error instanceof LogAccessError ||
    error instanceof UpstreamError
  )
    return error.message;
  if (error instanceof HttpError && error.status < 500) return error.message;
  const e = error as { statusCode?: number; code?: unknown } | null;
  const status = e?.statusCode ?? (typeof e?.code === "number" ? e.code : undefined);
  if (status === 404) return "not found";
  // An upstream's own answer (Docker engine, API server), in plain words.
  if (status !== undefined || typeof e?.code === "string") return describeUpstreamError(error, "the endpoint").message;
  log(`socket handler failed: ${(error as Error)?.stack ?? String(error)}`);
  return "the server could not do that (the error was logged)";
}

/** A refused event is audited as a refused request is: DENIED, with the actor and address. */
async function auditDenial(socket: RealtimeSocket, event: string, error: AccessDeniedError, log: (m: string) => void) {
  await recordAudit({
    actor: socket.data.subject,
    ...error.attempt,
    outcome: "DENIED",
    address: socket.handshake.address,
    detail: { via: "socket", event },
  }).catch((e: unknown) => log(`could not audit a refused ${event}: ${(e as Error).message}`));
}

/** Binds `handler` to `event` on `socket` through the event's schema. */
export function onEvent<E extends ClientEvent>(
  socket: RealtimeSocket,
  event: E,
  handler: EventHandler<E>,
  log: (message: string) => void,
): void {
  const schema = CLIENT_EVENT_SCHEMAS[event];
  (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(
    event,
    // Each event is its own piece of work: what it logs carries its own request id.
    (...args: unknown[]) => runWithRequestId(newRequestId(), () => handle(args)),
  );

  function handle(args: unknown[]): void {
    const last = args.at(-1);
    const ack = typeof last === "function" ? (last as (reply: unknown) => void) : null;
    const payload = ack ? args.slice(0, -1)[0] : args[0];
    let answered = false;
    const reply = (result: { ok: true; data: unknown } | { ok: false; error: string }) => {
      if (answered) return;
      answered = true;
      try {
        ack?.(result);
      } catch (error) {
        log(`could not acknowledge ${event}: ${(error as Error).message}`);
      }
    };
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, error: `${event}: ${problems(parsed.error)}` });
    Promise.resolve()
      .then(() => handler(parsed.data as z.output<(typeof CLIENT_EVENT_SCHEMAS)[E]>))
      .then(
        (data) => reply({ ok: true, data: data ?? null }),
        async (error: unknown) => {
          if (error instanceof AccessDeniedError) await auditDenial(socket, event, error, log);
          reply({ ok: false, error: publicMessage(error, log) });
        },
      );
  }
}
