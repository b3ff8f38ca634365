// Access grants: a user or a team → one endpoint, every endpoint with a tag, or every endpoint →
// ENDPOINT_ADMIN, OPERATOR or VIEWER, optionally limited to Kubernetes namespaces.
import { z } from "zod";
import { recordId } from "../http/record-id";
import { db, Prisma } from "../db/client";
import { badRequest, notFound } from "../errors";

const id = recordId;

export const grantInputSchema = z
  .object({
    userId: id.optional(),
    teamId: id.optional(),
    /** Exactly one of endpointId, endpointTag, or allEndpoints: true. */
    endpointId: id.optional(),
    endpointTag: z.string().trim().min(1).max(50).optional(),
    allEndpoints: z.literal(true).optional(),
    role: z.enum(["ENDPOINT_ADMIN", "OPERATOR", "VIEWER"]),
    namespaces: z
      .array(
        z
          .string()
          .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "not a Kubernetes namespace name")
          .max(63),
      )
      .max(100)
      .default([]),
  })
  .refine((g) => !!g.userId !== !!g.teamId, "grant to a user or to a team (one of them)")
  .refine(
    (g) => [g.endpointId, g.endpointTag, g.allEndpoints].filter((v) => v !== undefined).length === 1,
    "grant on one endpoint, an endpoint tag, or all endpoints (one of them)",
  );

export const grantsQuerySchema = z.object({ userId: id.optional(), teamId: id.optional(), endpointId: id.optional() });
export const grantIdParams = z.object({ grantId: id });

export interface GrantRow {
  id: string;
  user: { id: string; email: string } | null;
  team: { id: string; name: string } | null;
  endpoint: { id: string; name: string } | null;
  endpointTag: string | null;
  role: "ENDPOINT_ADMIN" | "OPERATOR" | "VIEWER";
  namespaces: string[];
  createdAt: string;
}

const select = {
  id: true,
  role: true,
  namespaces: true,
  endpointTag: true,
  createdAt: true,
  user: { select: { id: true, email: true } },
  team: { select: { id: true, name: true } },
  endpoint: { select: { id: true, name: true } },
} satisfies Prisma.AccessGrantSelect;

const toRow = (g: Prisma.AccessGrantGetPayload<{ select: typeof select }>): GrantRow => ({
  ...g,
  createdAt: g.createdAt.toISOString(),
});

/** Grants of a user (their own), of a team, or those that reach an endpoint (by id, tag or all). */
export async function listGrants(query: z.infer<typeof grantsQuerySchema>): Promise<GrantRow[]> {
  const where: Prisma.AccessGrantWhereInput = {};
  if (query.userId) where.userId = query.userId;
  if (query.teamId) where.teamId = query.teamId;
  if (query.endpointId) {
    const endpoint = await db().endpoint.findUnique({ where: { id: query.endpointId }, select: { tags: true } });
    if (!endpoint) throw notFound("endpoint not found");
    where.OR = [
      { endpointId: query.endpointId },
      { endpointTag: { in: endpoint.tags } },
      { endpointId: null, endpointTag: null },
    ];
  }
  return (await db().accessGrant.findMany({ where, select, orderBy: { createdAt: "asc" } })).map(toRow);
}

export async function createGrant(input: z.infer<typeof grantInputSchema>): Promise<GrantRow> {
  const [user, team, endpoint] = await Promise.all([
    input.userId ? db().user.findUnique({ where: { id: input.userId }, select: { id: true } }) : null,
    input.teamId ? db().team.findUnique({ where: { id: input.teamId }, select: { id: true } }) : null,
    input.endpointId ? db().endpoint.findUnique({ where: { id: input.endpointId }, select: { kind: true } }) : null,
  ]);
  if (input.userId && !user) throw notFound("user not found");
  if (input.teamId && !team) throw notFound("team not found");
  if (input.endpointId && !endpoint) throw notFound("endpoint not found");
  if (endpoint?.kind === "DOCKER" && input.namespaces.length)
    throw badRequest("namespaces limit Kubernetes endpoints only; this one is a Docker engine");
  const grant = await db().accessGrant.create({
    data: {
      userId: input.userId ?? null,
      teamId: input.teamId ?? null,
      endpointId: input.endpointId ?? null,
      endpointTag: input.endpointTag ?? null,
      role: input.role,
      namespaces: input.namespaces,
    },
    select,
  });
  return toRow(grant);
}

export async function deleteGrant(grantId: string): Promise<GrantRow> {
  const grant = await db().accessGrant.findUnique({ where: { id: grantId }, select });
  if (!grant) throw notFound("grant not found");
  await db().accessGrant.delete({ where: { id: grantId } });
  return toRow(grant);
}

/** Words for a grant's reach, for audit rows and lists. */
export const grantScopeWords = (g: Pick<GrantRow, "endpoint" | "endpointTag">) =>
  g.endpoint ? g.endpoint.name : g.endpointTag ? `endpoints tagged ${g.endpointTag}` : "every endpoint";
