// What a person may narrow the audit log by, parsed with zod at every door: the API's query, the
// export's query and the socket's audit:watch. Client-safe (the page builds its URLs from it).
import { z } from "zod";

export const AUDIT_OUTCOMES = ["SUCCESS", "DENIED", "FAILURE"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** The most rows one page may ask for. */
export const MAX_AUDIT_PAGE = 200;

// An empty field in a URL (`?actor=`) means "no filter", not "match the empty string".
const optional = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .transform((value) => value || undefined)
    .pipe(schema.optional())
    .optional();

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "an id");
const time = z.iso
  .datetime({ offset: true, message: "an ISO time such as 2025-01-31T09:00:00Z" })
  .transform((value) => new Date(value));

export const auditFilterFields = {
  /** Part of the actor's email. */
  actor: optional(z.string().trim().max(200)),
  /** Rows whose actor is a member of this team. */
  team: optional(id),
  endpointId: optional(id),
  /** An action or its start: "container." finds every container action. */
  action: optional(
    z
      .string()
      .max(100)
      .regex(/^[A-Za-z0-9._:-]+$/, "an action or its start, such as container."),
  ),
  outcome: optional(z.enum(AUDIT_OUTCOMES)),
  from: optional(time),
  to: optional(time),
  /** Free text over action, target, actor's email and the detail. */
  q: optional(z.string().trim().max(200)),
};

const fromBeforeTo = (f: { from?: Date; to?: Date }) => !f.from || !f.to || f.from <= f.to;
const timeOrder = { message: "from must not be after to", path: ["to"] };

export const auditFilter = z.object(auditFilterFields).strict().refine(fromBeforeTo, timeOrder);
export type AuditFilter = z.output<typeof auditFilter>;

/** Keyset cursor: the last row's time and id, so a page never repeats or skips rows. */
const cursor = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z~[A-Za-z0-9_-]{1,64}$/, "a cursor from a previous page's next")
  .transform((value) => {
    const [at, rowId] = value.split("~") as [string, string];
    return { at: new Date(at), id: rowId };
  });
export type AuditCursor = z.output<typeof cursor>;

export const cursorOf = (row: { at: string; id: string }) => `${row.at}~${row.id}`;

export const auditPageQuery = z
  .object({
    ...auditFilterFields,
    before: optional(cursor),
    limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(50),
  })
  .strict()
  .refine(fromBeforeTo, timeOrder);

export const auditExportQuery = z
  .object({ ...auditFilterFields, format: z.enum(["csv", "jsonl"], { message: "format: csv or jsonl" }) })
  .strict()
  .refine(fromBeforeTo, timeOrder);

/** The filter's fields as URL parameters (empty ones left out), for links, pages and exports. */
export type AuditFilterParams = Partial<Record<keyof typeof auditFilterFields, string>>;
export const AUDIT_FILTER_KEYS = Object.keys(auditFilterFields) as (keyof typeof auditFilterFields)[];
