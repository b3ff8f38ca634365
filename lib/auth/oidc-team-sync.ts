// Team membership that follows the identity provider's groups (OIDC_GROUP_TEAMS): at each sign-in
// the person joins the teams their groups map to and leaves the mapped teams no group names any
// more. Teams not in the mapping, and leadership, are left as administrators set them.
import type { Prisma } from "../db/client";
import type { OidcSettings } from "./oidc-settings";

export interface TeamChanges {
  added: string[];
  removed: string[];
}

export async function syncMappedTeams(
  tx: Prisma.TransactionClient,
  options: { userId: string; groups: string[]; settings: OidcSettings },
): Promise<TeamChanges> {
  const { userId, groups, settings } = options;
  if (settings.mappedTeams.size === 0) return { added: [], removed: [] };
  const wanted = new Set(groups.flatMap((g) => settings.groupTeams.get(g) ?? []));
  // A mapped team that does not exist yet is made (without grants), so the mapping can be set up first.
  if (wanted.size) await tx.team.createMany({ data: [...wanted].map((name) => ({ name })), skipDuplicates: true });
  const teams = await tx.team.findMany({
    where: { name: { in: [...settings.mappedTeams] } },
    select: { id: true, name: true, members: { where: { userId }, select: { userId: true } } },
  });
  const add = teams.filter((t) => wanted.has(t.name) && t.members.length === 0);
  const remove = teams.filter((t) => !wanted.has(t.name) && t.members.length > 0);
  if (add.length)
    await tx.teamMember.createMany({ data: add.map((t) => ({ teamId: t.id, userId })), skipDuplicates: true });
  if (remove.length) await tx.teamMember.deleteMany({ where: { userId, teamId: { in: remove.map((t) => t.id) } } });
  return { added: add.map((t) => t.name).sort(), removed: remove.map((t) => t.name).sort() };
}
