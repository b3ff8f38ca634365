// Teams: a name, members (some of them leaders, who may manage their own team's members), and the
// grants every member receives.
import { z } from "zod";
import { recordId } from "../http/record-id";
import { db, Prisma } from "../db/client";
import { conflict, notFound } from "../errors";
import type { Subject } from "../rbac/authorize";

export const teamNameSchema = z.object({ name: z.string().trim().min(1, "name is required").max(100) });
export const teamIdParams = z.object({ teamId: recordId });
export const memberSchema = z.object({ userId: recordId, leader: z.boolean().default(false) });
export const memberParams = teamIdParams.extend({ userId: recordId });

export interface TeamRow {
  id: string;
  name: string;
  members: { id: string; email: string; name: string; leader: boolean; disabled: boolean }[];
  grants: number;
}

const select = {
  id: true,
  name: true,
  members: { select: { leader: true, user: { select: { id: true, email: true, name: true, disabled: true } } } },
  _count: { select: { grants: true } },
} satisfies Prisma.TeamSelect;

function toRow(t: Prisma.TeamGetPayload<{ select: typeof select }>): TeamRow {
  return {
    id: t.id,
    name: t.name,
    members: t.members.map((m) => ({ ...m.user, leader: m.leader })).sort((a, b) => a.email.localeCompare(b.email)),
    grants: t._count.grants,
  };
}

const unique = (name: string) => (error: unknown) => {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
    throw conflict(`a team named ${name} already exists`);
  throw error;
};

export async function listTeams(): Promise<TeamRow[]> {
  return (await db().team.findMany({ select, orderBy: { name: "asc" } })).map(toRow);
}

export async function getTeam(teamId: string): Promise<TeamRow> {
  const team = await db().team.findUnique({ where: { id: teamId }, select });
  if (!team) throw notFound("team not found");
  return toRow(team);
}

export async function createTeam(name: string) {
  const team = await db().team.create({ data: { name } }).catch(unique(name));
  return getTeam(team.id);
}

export async function renameTeam(teamId: string, name: string) {
  await getTeam(teamId);
  await db()
    .team.update({ where: { id: teamId }, data: { name } })
    .catch(unique(name));
  return getTeam(teamId);
}

export async function deleteTeam(teamId: string) {
  await getTeam(teamId);
  await db().team.delete({ where: { id: teamId } });
}

export async function setMember(teamId: string, userId: string, leader: boolean) {
  await getTeam(teamId);
  if (!(await db().user.findUnique({ where: { id: userId }, select: { id: true } }))) throw notFound("user not found");
  await db().teamMember.upsert({
    where: { teamId_userId: { teamId, userId } },
    create: { teamId, userId, leader },
    update: { leader },
  });
  return getTeam(teamId);
}

export async function removeMember(teamId: string, userId: string) {
  const removed = await db().teamMember.deleteMany({ where: { teamId, userId } });
  if (!removed.count) throw notFound("not a member of this team");
  return getTeam(teamId);
}

/** Leaders manage their own team's members (not its grants, and not whether someone leads). */
export async function leads(subject: Subject, teamId: string): Promise<boolean> {
  const membership = await db().teamMember.findUnique({
    where: { teamId_userId: { teamId, userId: subject.userId } },
    select: { leader: true },
  });
  return membership?.leader ?? false;
}
