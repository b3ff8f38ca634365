// socket.io's Postgres adapter: broadcasts (io.to(room).emit, serverSideEmit) reach every instance
// through LISTEN/NOTIFY on the one database, so no second datastore is needed. Its own small pool,
// apart from Prisma's: one connection stays checked out for LISTEN.
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import type { RealtimeServer } from "../realtime/hub";

export function attachClusterAdapter(
  io: RealtimeServer,
  databaseUrl: string,
  log: (message: string) => void,
): () => Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, keepAlive: true });
  // An idle connection's error (the database restarting) must not end the process; the adapter
  // reconnects its LISTEN connection itself.
  pool.on("error", (error) => log(`socket adapter connection: ${error.message}`));
  io.adapter(
    createAdapter(pool, {
      tableName: "socket_io_attachments",
      errorHandler: (error) => log(`socket adapter: ${error.message}`),
    }),
  );
  return async () => {
    await pool.end().catch(() => {});
  };
}
