// Routes that act on one endpoint's upstream: the endpoint id is in the path, visibility and the
// action's permission are checked, the upstream's errors become plain-words answers, and changes
// are written to the audit log.
import { z, type ZodType } from "zod";
import { recordAudit } from "../audit/record";
import type { Endpoint } from "../db/client";
import { noteEngineWrite } from "../docker/engine-state/engine-states";
import { getVisibleEndpoint } from "../endpoints/registry";
import { describeUpstreamError, UpstreamError } from "../endpoints/upstream-error";
import { countUpstreamError } from "../metrics/upstream-errors";
import type { Action } from "../rbac/actions";
import { allowedNamespaces, type Subject } from "../rbac/authorize";
import { SecretError } from "../secrets/crypto";
import { badRequest, HttpError } from "../errors";
import { route, type DescribedHandler, type SignedInContext } from "./route";

export interface EndpointContext<P, B, Q> extends SignedInContext<P, B, Q> {
  endpoint: Endpoint;
  /** Adds to the audit row's detail (e.g. the object's YAML before and after a change). */
  auditDetail(detail: Record<string, unknown>): void;
}

interface Spec<P, B, Q> {
  /** Path parameters besides the endpoint id. */
  params?: ZodType<P>;
  body?: ZodType<B>;
  query?: ZodType<Q>;
  /** Permission needed on the endpoint (may depend on the parsed path, e.g. which container action). */
  action: Action | ((params: P) => Action);
  /** The kind of endpoint the route works on; another kind is the caller's mistake (400). */
  kind?: Endpoint["kind"];
  /**
   * For namespaced Kubernetes operations: the namespace the permission must cover. "any": a list
   * across namespaces, allowed with the permission in at least one (the handler filters).
   */
  namespace?: (input: { params: P; query: Q; body: B }) => string | "any" | undefined;
  /** For changes: what to write to the audit log (action name and target). */
  audit?: (ctx: EndpointContext<P & { id: string }, B, Q>) => {
    action: string;
    target: string;
    detail?: Record<string, unknown>;
  };
}

const READS = new Set(["GET", "HEAD"]);

const KIND_WORDS: Record<Endpoint["kind"], string> = {
  DOCKER: "a Docker engine",
  KUBERNETES: "a Kubernetes cluster",
};

/** One namespace the subject may use (undefined: all of them, or none at all). */
function anyAllowedNamespace(subject: Subject, endpointId: string): string | undefined {
  const namespaces = allowedNamespaces(subject, endpointId);
  return namespaces === "all" ? undefined : namespaces[0];
}

const withEndpointId = <P>(params: ZodType<P> | undefined) =>
  (params ?? z.object({})).and(z.object({ id: z.string().min(1).max(64) })) as unknown as ZodType<P & { id: string }>;

export function endpointRoute<P = object, B = unknown, Q = unknown>(
  spec: Spec<P, B, Q>,
  handler: (ctx: EndpointContext<P & { id: string }, B, Q>) => Promise<unknown>,
): DescribedHandler {
  const wrapped = route({ params: withEndpointId(spec.params), body: spec.body, query: spec.query }, async (ctx) => {
    const action = typeof spec.action === "function" ? spec.action(ctx.params) : spec.action;
    const asked = spec.namespace?.(ctx);
    const namespace = asked === "any" ? anyAllowedNamespace(ctx.subject, ctx.params.id) : asked;
    await ctx.require(action, { endpointId: ctx.params.id, namespace });
    const endpoint = await getVisibleEndpoint(ctx.subject, ctx.params.id);
    if (spec.kind && endpoint.kind !== spec.kind)
      throw badRequest(`${endpoint.name} is ${KIND_WORDS[endpoint.kind]}, not ${KIND_WORDS[spec.kind]}`);
    let extra: Record<string, unknown> = {};
    const full = { ...ctx, endpoint, auditDetail: (d: Record<string, unknown>) => void (extra = { ...extra, ...d }) };
    const audit = spec.audit?.(full);
    try {
      const result = await handler(full);
      if (audit)
        await recordAudit({
          actor: ctx.subject,
          endpointId: endpoint.id,
          outcome: "SUCCESS",
          address: ctx.address,
          ...audit,
          detail: { ...audit.detail, ...extra },
        });
      return result;
    } catch (error) {
      const known =
        error instanceof HttpError ||
        error instanceof z.ZodError ||
        error instanceof SecretError ||
        error instanceof UpstreamError;
      const mapped = known ? error : describeUpstreamError(error, endpoint.name);
      if (mapped instanceof UpstreamError) countUpstreamError(endpoint.id, mapped.code);
      if (audit) {
        await recordAudit({
          actor: ctx.subject,
          endpointId: endpoint.id,
          outcome: "FAILURE",
          address: ctx.address,
          ...audit,
          detail: { ...audit.detail, ...extra, error: mapped.message },
        });
      }
      throw mapped;
    } finally {
      // The event stream may trail the engine's answer: the next read of this engine lists afresh.
      if (endpoint.kind === "DOCKER" && !READS.has(ctx.request.method)) noteEngineWrite(endpoint.id);
    }
  });
  wrapped.description.action = typeof spec.action === "string" ? spec.action : undefined;
  return wrapped;
}
