// There is always at least one enabled administrator: a change that would leave none is refused
// (nobody could then manage users or endpoints without the command line).
import { db } from "../db/client";
import { conflict } from "../errors";

export async function keepAnAdministrator(userId: string, what: string): Promise<void> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { isAdmin: true, disabled: true } });
  if (!user?.isAdmin || user.disabled) return;
  const others = await db().user.count({ where: { isAdmin: true, disabled: false, id: { not: userId } } });
  if (others === 0)
    throw conflict(`the last administrator cannot be ${what}; make someone else an administrator first`);
}
