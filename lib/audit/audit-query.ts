// Reads the audit log: one SQL condition list built from a filter and the reader's scope, used by
// the API's pages, the export and the live push (so all three agree on what matches). Plain SQL
// because free text searches the detail JSON as text, which Prisma's query API cannot express.
import { db, Prisma } from "../db/client";
import type { AuditScope } from "./audit-access";
import { cursorOf, type AuditCursor, type AuditFilter } from "./audit-filter";
import type { AuditPage, AuditRow } from "./audit-row";

// LIKE treats % and _ as wildcards: a person searching for "50%" means the characters.
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
// "at" is a UTC timestamp without zone: compare with the instant in UTC, whatever the session says.
const utc = (time: Date) => Prisma.sql`(${time.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

export function auditConditions(filter: AuditFilter, scope: AuditScope): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (!scope.all) where.push(Prisma.sql`a."endpointId" IN (${Prisma.join(scope.endpointIds)})`);
  if (filter.actor) where.push(Prisma.sql`a."actorEmail" ILIKE ${`%${literal(filter.actor)}%`}`);
  if (filter.team)
    where.push(Prisma.sql`a."actorId" IN (SELECT "userId" FROM "TeamMember" WHERE "teamId" = ${filter.team})`);
  if (filter.endpointId) where.push(Prisma.sql`a."endpointId" = ${filter.endpointId}`);
  if (filter.action) where.push(Prisma.sql`a."action" LIKE ${`${literal(filter.action)}%`}`);
  if (filter.outcome) where.push(Prisma.sql`a."outcome"::text = ${filter.outcome}`);
  if (filter.from) where.push(Prisma.sql`a."at" >= ${utc(filter.from)}`);
  if (filter.to) where.push(Prisma.sql`a."at" <= ${utc(filter.to)}`);
  if (filter.q) {
    const text = `%${literal(filter.q)}%`;
    where.push(
      Prisma.sql`(a."action" ILIKE ${text} OR a."target" ILIKE ${text} OR a."actorEmail" ILIKE ${text} OR a."detail"::text ILIKE ${text})`,
    );
  }
  return where;
}

const whereClause = (conditions: Prisma.Sql[]) =>
  conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;

async function selectRows(conditions: Prisma.Sql[], limit: number): Promise<AuditRow[]> {
  return db().$queryRaw<AuditRow[]>`
    SELECT a."id", to_char(a."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at", a."actorId", a."actorEmail",
           a."address", a."endpointId", e."name" AS "endpointName", a."action", a."target",
           a."outcome"::text AS "outcome", a."detail"
    FROM "AuditEvent" a LEFT JOIN "Endpoint" e ON e."id" = a."endpointId"
    ${whereClause(conditions)}
    ORDER BY a."at" DESC, a."id" DESC
    LIMIT ${limit}`;
}

/** One page, newest first, older than `before`. */
export async function listAuditPage(options: {
  filter: AuditFilter;
  scope: AuditScope;
  before?: AuditCursor;
  limit: number;
}): Promise<AuditPage> {
  const conditions = auditConditions(options.filter, options.scope);
  if (options.before) conditions.push(Prisma.sql`(a."at", a."id") < (${utc(options.before.at)}, ${options.before.id})`);
  const rows = await selectRows(conditions, options.limit + 1);
  const more = rows.length > options.limit;
  if (more) rows.pop();
  return { rows, next: more ? cursorOf(rows.at(-1)!) : null };
}

export async function loadAuditRow(id: string): Promise<AuditRow | null> {
  const [row] = await selectRows([Prisma.sql`a."id" = ${id}`], 1);
  return row ?? null;
}

/** Whether a row matches a filter (the live push asks this per distinct filter of its watchers). */
export async function auditRowMatches(id: string, filter: AuditFilter): Promise<boolean> {
  const conditions = [Prisma.sql`a."id" = ${id}`, ...auditConditions(filter, { all: true })];
  const rows = await db().$queryRaw<unknown[]>`SELECT 1 FROM "AuditEvent" a ${whereClause(conditions)}`;
  return rows.length > 0;
}
