// Routes that change who may do what (users, teams, grants): only global administrators — or, where
// `allow` says so, someone else such as a team's leader — may call them; each change is audited
// with its outcome, and every open socket's access is re-checked at once afterwards.
import type { ZodType } from "zod";
import { recordAudit } from "../audit/record";
import { HttpError } from "../errors";
import { route, type DescribedHandler, type SignedInContext } from "../http/route";
import { recheckAccessNow } from "../realtime/access-recheck";

interface Spec<P, B, Q> {
  params?: ZodType<P>;
  body?: ZodType<B>;
  query?: ZodType<Q>;
  /** The audit row's action and target (a change); reads leave this out. */
  audit?: (ctx: SignedInContext<P, B, Q>) => { action: string; target: string };
  /** Someone besides administrators may do this (e.g. a team leader); checked before anything runs. */
  allow?: (ctx: SignedInContext<P, B, Q>) => Promise<boolean>;
}

export function accessChangeRoute<P = unknown, B = unknown, Q = unknown>(
  spec: Spec<P, B, Q>,
  handler: (ctx: SignedInContext<P, B, Q>, audit: { detail(d: Record<string, unknown>): void }) => Promise<unknown>,
): DescribedHandler {
  const wrapped = route({ params: spec.params, body: spec.body, query: spec.query }, async (ctx) => {
    if (!ctx.subject.isAdmin && !(await spec.allow?.(ctx))) await ctx.require("user.manage");
    const audit = spec.audit?.(ctx);
    let detail: Record<string, unknown> = {};
    const note = { detail: (d: Record<string, unknown>) => void (detail = { ...detail, ...d }) };
    try {
      const result = await handler(ctx, note);
      if (audit) {
        await recordAudit({ actor: ctx.subject, outcome: "SUCCESS", address: ctx.address, ...audit, detail });
        void recheckAccessNow();
      }
      return result;
    } catch (error) {
      if (audit) {
        const message = error instanceof HttpError ? error.message : "failed";
        await recordAudit({
          actor: ctx.subject,
          outcome: error instanceof HttpError && error.status === 403 ? "DENIED" : "FAILURE",
          address: ctx.address,
          ...audit,
          detail: { ...detail, error: message },
        });
      }
      throw error;
    }
  });
  wrapped.description.action = "user.manage";
  return wrapped;
}
