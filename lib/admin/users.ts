// People, as administrators manage them: created with a password or a one-time invitation link,
// disabled and enabled, made or unmade administrators, given a new password or reset link, deleted
// (their tokens and sessions with them). Never the last enabled administrator.
import { z } from "zod";
import { recordId } from "../http/record-id";
import { localAccountsEnabled, requireLocalAccounts } from "../auth/local-accounts";
import { hashPassword } from "../auth/password";
import { newPasswordSchema } from "../auth/password-policy";
import { db, Prisma } from "../db/client";
import { conflict, notFound } from "../errors";
import { issueInvitation } from "./invitations";
import { keepAnAdministrator } from "./last-admin";

/** The same rule as everywhere a password is chosen (length, not a common one). */
export const passwordSchema = newPasswordSchema;

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("enter an email address").max(200),
  name: z.string().trim().min(1, "name is required").max(100),
  isAdmin: z.boolean().default(false),
  /** Set a password now, or leave it out to get an invitation link to hand over. */
  password: passwordSchema.optional(),
});

export const updateUserSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    isAdmin: z.boolean(),
    disabled: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");

export const userIdParams = z.object({ userId: recordId });

export interface UserRow {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
  /** Invited and not signed up yet. */
  invited: boolean;
  sso: boolean;
  teams: { id: string; name: string; leader: boolean }[];
  createdAt: string;
}

const rowSelect = {
  id: true,
  email: true,
  name: true,
  isAdmin: true,
  disabled: true,
  passwordHash: true,
  inviteHash: true,
  oidcSubject: true,
  createdAt: true,
  teams: { select: { leader: true, team: { select: { id: true, name: true } } } },
} satisfies Prisma.UserSelect;

function toRow(u: Prisma.UserGetPayload<{ select: typeof rowSelect }>): UserRow {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    isAdmin: u.isAdmin,
    disabled: u.disabled,
    invited: !u.passwordHash && !!u.inviteHash,
    sso: !!u.oidcSubject,
    teams: u.teams
      .map((m) => ({ id: m.team.id, name: m.team.name, leader: m.leader }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    createdAt: u.createdAt.toISOString(),
  };
}

export async function listUsers(): Promise<UserRow[]> {
  return (await db().user.findMany({ select: rowSelect, orderBy: { email: "asc" } })).map(toRow);
}

export async function getUser(userId: string): Promise<UserRow> {
  const user = await db().user.findUnique({ where: { id: userId }, select: rowSelect });
  if (!user) throw notFound("user not found");
  return toRow(user);
}

/**
 * With local accounts off, a person is added without password or link: the account waits for their
 * first single sign-on, which links it by verified email.
 */
export async function createUser(input: z.infer<typeof createUserSchema>) {
  if (input.password) requireLocalAccounts();
  try {
    const user = await db().user.create({
      data: {
        email: input.email,
        name: input.name,
        isAdmin: input.isAdmin,
        passwordHash: input.password ? await hashPassword(input.password) : null,
      },
    });
    const invitation = input.password || !localAccountsEnabled() ? null : await issueInvitation(user.id);
    return { user: await getUser(user.id), invitation };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw conflict(`someone with the email ${input.email} already exists`);
    throw error;
  }
}

export async function updateUser(userId: string, change: z.infer<typeof updateUserSchema>) {
  await getUser(userId);
  if (change.isAdmin === false) await keepAnAdministrator(userId, "made a regular user");
  if (change.disabled === true) await keepAnAdministrator(userId, "disabled");
  await db().$transaction([
    db().user.update({ where: { id: userId }, data: change }),
    // A disabled person's sessions end with it (not only refused while disabled).
    ...(change.disabled
      ? [db().session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date() } })]
      : []),
  ]);
  return getUser(userId);
}

/** A new password set by an administrator: the person's sessions end. */
export async function setPassword(userId: string, password: string) {
  requireLocalAccounts();
  await getUser(userId);
  await db().$transaction([
    db().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } }),
    db().session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date() } }),
  ]);
}

export async function deleteUser(userId: string, by: string) {
  if (userId === by) throw conflict("you cannot delete yourself; ask another administrator");
  await getUser(userId);
  await keepAnAdministrator(userId, "deleted");
  // Tokens, sessions, memberships and grants go with the user (cascade); audit rows keep the email.
  await db().user.delete({ where: { id: userId } });
}
