// PostgreSQL refuses to run as root. When we are root, the embedded server runs as the unprivileged
// `postgres` system user, created here on first use; paths are checked the way that user sees them.
import { execFileSync, spawnSync } from "node:child_process";

export interface PostgresUser {
  uid: number;
  gid: number;
}

function lookup(): PostgresUser | null {
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return null;
  }
}

export function ensurePostgresUser(): PostgresUser {
  const found = lookup();
  if (found) return found;
  try {
    execFileSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
  } catch {
    /* the group may exist already; useradd below says if something is really wrong */
  }
  try {
    execFileSync(
      "useradd",
      ["--system", "--gid", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"],
      {
        stdio: "pipe",
      },
    );
  } catch (error) {
    const reason = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim();
    throw new Error(
      `could not create the system user "postgres" that runs it (${reason}; create it with useradd --system postgres)`,
    );
  }
  const created = lookup();
  if (!created) throw new Error('the system user "postgres" was created but cannot be found');
  return created;
}

/** Whether `user` can enter directory `dir` (every directory above it must let them through). */
export function canEnter(dir: string, user: PostgresUser): boolean {
  return spawnSync("test", ["-x", dir], { uid: user.uid, gid: user.gid, stdio: "ignore" }).status === 0;
}
