// The request id of the work in progress (an HTTP request, a socket event), carried through every
// await by one AsyncLocalStorage. On globalThis: Next bundles route code apart from server.ts, and
// a line logged by a route must see the id server.ts assigned.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";

interface RequestContext {
  requestId: string;
}

const key = Symbol.for("fleetdeck.requestContext");

function storage(): AsyncLocalStorage<RequestContext> {
  const holder = globalThis as { [key]?: AsyncLocalStorage<RequestContext> };
  holder[key] ??= new AsyncLocalStorage<RequestContext>();
  return holder[key];
}

export const REQUEST_ID_HEADER = "x-request-id";

/** A proxy's id is kept when it is a short plain token; anything else could forge or flood log lines. */
const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function newRequestId(): string {
  return randomBytes(9).toString("base64url");
}

/** The incoming `x-request-id` if it is safe to repeat in logs, else a fresh one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_ID.test(value) ? value : newRequestId();
}

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return storage().run({ requestId }, work);
}

export function currentRequestId(): string | undefined {
  return storage().getStore()?.requestId;
}
