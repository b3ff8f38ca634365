// The one wrapper around every API handler: authenticate → parse (zod) → authorize → run → map
// errors to HTTP. Handlers stay thin; the work is in lib/.
import { NextResponse, type NextRequest } from "next/server";
import { z, ZodError, type ZodType } from "zod";
import { recordAudit } from "../audit/record";
import { clientAddress } from "../auth/client-address";
import { subjectFromRequest } from "../auth/current-user";
import { UpstreamError } from "../endpoints/upstream-error";
import { logger } from "../log/logger";
import { authorize, type Scope, type Subject } from "../rbac/authorize";
import type { Action } from "../rbac/actions";
import { SecretError } from "../secrets/crypto";
import { HttpError, forbidden, notFound, unauthorized } from "../errors";
import { checkPathParams } from "./path-params";
import { readJsonBody } from "./read-json-body";

export interface RouteContext<P, B, Q> {
  request: NextRequest;
  params: P;
  body: B;
  query: Q;
  address: string | null;
}

export interface SignedInContext<P, B, Q> extends RouteContext<P, B, Q> {
  subject: Subject;
  /** Throws 404 (endpoint not visible) or 403, and writes the refusal to the audit log. */
  require(action: Action, scope?: Scope): Promise<void>;
}

interface Spec<P, B, Q> {
  params?: ZodType<P>;
  body?: ZodType<B>;
  query?: ZodType<Q>;
}

type Handler<C> = (ctx: C) => Promise<unknown>;
type NextHandler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

function zodMessage(error: ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}

export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) {
    return NextResponse.json({ error: error.message, details: error.details }, { status: error.status });
  }
  if (error instanceof ZodError) {
    return NextResponse.json(
      { error: zodMessage(error), issues: error.issues.map((i) => ({ path: i.path, message: i.message })) },
      { status: 400 },
    );
  }
  if (error instanceof UpstreamError) {
    // The upstream's own verdict on the request (no such container, conflict, bad parameter) is the
    // user's answer too; anything else means the upstream failed us.
    const passThrough = error.status !== undefined && [400, 403, 404, 409, 422].includes(error.status);
    return NextResponse.json({ error: error.message, code: error.code }, { status: passThrough ? error.status : 502 });
  }
  if (error instanceof SecretError)
    return NextResponse.json({ error: error.message, code: "credentials" }, { status: 409 });
  logger().error({ err: error }, "unhandled error in API handler");
  return NextResponse.json({ error: "internal error; see the server log" }, { status: 500 });
}

async function parseBody<B>(request: NextRequest, schema: ZodType<B> | undefined): Promise<B> {
  if (!schema) return undefined as B;
  return schema.parse(await readJsonBody(request));
}

async function parseRequest<P, B, Q>(spec: Spec<P, B, Q>, request: NextRequest, context: Parameters<NextHandler>[1]) {
  const rawParams = await context.params;
  checkPathParams(rawParams ?? {});
  const params = spec.params ? spec.params.parse(rawParams ?? {}) : (rawParams as P);
  const query = spec.query ? spec.query.parse(Object.fromEntries(request.nextUrl.searchParams)) : (undefined as Q);
  const body = await parseBody(request, spec.body);
  return { request, params, query, body, address: clientAddress(request.headers) };
}

/** What a handler takes and who may call it, kept on the handler for the API's OpenAPI document. */
export interface RouteDescription {
  params?: ZodType;
  body?: ZodType;
  query?: ZodType;
  /** "public": no sign-in; "signed-in": a session or token, checked further by the handler. */
  access: "public" | "signed-in";
  /** The permission the route needs, when one action decides it. */
  action?: string;
}

export type DescribedHandler = NextHandler & { description: RouteDescription };

/** Keeps the description on the handler (a later wrapper may add to it). */
export function described(handler: NextHandler, description: RouteDescription): DescribedHandler {
  return Object.assign(handler, { description });
}

export function publicRoute<P = unknown, B = unknown, Q = unknown>(
  spec: Spec<P, B, Q>,
  handler: Handler<RouteContext<P, B, Q>>,
): DescribedHandler {
  return described(
    async (request, context) => {
      try {
        return toResponse(await handler(await parseRequest(spec, request, context)));
      } catch (error) {
        return errorResponse(error);
      }
    },
    { ...spec, access: "public" },
  );
}

export function route<P = unknown, B = unknown, Q = unknown>(
  spec: Spec<P, B, Q>,
  handler: Handler<SignedInContext<P, B, Q>>,
): DescribedHandler {
  return described(
    async (request, context) => {
      try {
        const subject = await subjectFromRequest(request);
        if (!subject) throw unauthorized();
        const parsed = await parseRequest(spec, request, context);
        const require = async (action: Action, scope: Scope = {}) => {
          const decision = authorize(subject, action, scope);
          if (decision.allowed) return;
          await recordAudit({
            actor: subject,
            action,
            endpointId: decision.reason === "not-visible" ? null : scope.endpointId,
            target: scope.namespace ?? null,
            outcome: "DENIED",
            address: parsed.address,
          });
          throw decision.reason === "not-visible" ? notFound("endpoint not found") : forbidden();
        };
        return toResponse(await handler({ ...parsed, subject, require }));
      } catch (error) {
        return errorResponse(error);
      }
    },
    { ...spec, access: "signed-in" },
  );
}

function toResponse(result: unknown): Response {
  if (result instanceof Response) return result;
  if (result === undefined) return new Response(null, { status: 204 });
  return NextResponse.json(result);
}

/** Route params holding an endpoint id. */
export const endpointParams = z.object({ id: z.string().min(1).max(64) });
