// The one process: Next.js pages and API, socket.io on the same HTTP server, background health
// checks, and (without DATABASE_URL) an embedded PostgreSQL. Run as `node --import tsx server.ts`.
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { Server } from "socket.io";
import { startAuditRetention } from "./lib/audit/audit-retention";
import { CLIENT_ADDRESS_HEADER } from "./lib/auth/client-address";
import { startSessionCleanup } from "./lib/auth/session-cleanup";
import { startLeadership } from "./lib/cluster/leadership";
import { shutDownGracefully } from "./lib/cluster/shutdown";
import { attachClusterAdapter } from "./lib/cluster/socket-adapter";
import { requestObserver } from "./lib/http/observe-request";
import { crossSiteRefusal } from "./lib/http/same-origin";
import { sessionSecret } from "./lib/auth/secret";
import { bootstrapAdminFromEnv } from "./lib/auth/setup";
import { config } from "./lib/config";
import { disconnectDb } from "./lib/db/client";
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/db/embedded-postgres";
import { applyMigrations } from "./lib/db/migrate";
import { startHealthLoop } from "./lib/endpoints/health-loop";
import { routeConsoleToLogger } from "./lib/log/console-to-log";
import { lineLogger, logger } from "./lib/log/logger";
import { setRealtimeServer, type RealtimeServer } from "./lib/realtime/hub";
import { pushAuditRowLocally } from "./lib/realtime/audit-push";
import { listenToOtherInstances } from "./lib/realtime/instance-events";
import { recheckLocalSocketsNow } from "./lib/realtime/access-recheck";
import { attachRealtime } from "./lib/realtime/socket-server";
import { encryptionKey } from "./lib/secrets/key";

const log = lineLogger("server");
routeConsoleToLogger();

// One request's unexpected failure (a library's listener throwing, a promise nobody awaited) is
// logged with its stack and the server keeps serving everyone else.
process.on("unhandledRejection", (reason) => logger().error({ err: reason }, "unhandled rejection"));
process.on("uncaughtException", (error) => logger().error({ err: error }, "uncaught exception"));

async function main() {
  const cfg = config();
  const dev = process.argv.includes("--dev");
  let postgres: RunningPostgres | null = null;
  if (!process.env.DATABASE_URL) {
    log(`starting embedded PostgreSQL in ${path.join(cfg.dataDir, "postgres")}`);
    postgres = await startEmbeddedPostgres({ dir: path.join(cfg.dataDir, "postgres") });
    process.env.DATABASE_URL = postgres.url;
  }
  const applied = await applyMigrations(process.env.DATABASE_URL);
  if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
  // Generated once here so the Next bundle (a separate module graph) sees the same values.
  process.env.NEXTAUTH_SECRET ??= sessionSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${cfg.PORT}`;
  encryptionKey();
  const admin = await bootstrapAdminFromEnv();
  if (admin) log(`created administrator ${admin} from ADMIN_EMAIL`);

  const httpServer = createServer();
  const app = next({ dev, hostname: cfg.HOST, port: cfg.PORT, httpServer, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const observe = requestObserver(process.cwd());
  httpServer.on("request", (request, response) =>
    observe(request, response, () => {
      request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
      const refusal = crossSiteRefusal(request.method, request.headers);
      if (refusal) {
        response.writeHead(403, { "content-type": "application/json" }).end(JSON.stringify({ error: refusal }));
        return;
      }
      void handle(request, response);
    }),
  );
  const io: RealtimeServer = new Server(httpServer, {
    transports: ["websocket"],
    serveClient: false,
    // A page of another site must not open a socket with the user's cookie.
    allowRequest: (request, callback) =>
      callback(null, crossSiteRefusal(request.method, request.headers, { always: true }) === null),
  });
  // One "connection" listener per realtime feature.
  io.sockets.setMaxListeners(32);
  // Several instances may share the database: broadcasts and instance-to-instance news go through it.
  const clusterLog = lineLogger("cluster");
  const closeAdapter = attachClusterAdapter(io, process.env.DATABASE_URL, lineLogger("cluster", "warn"));
  const realtimeLog = lineLogger("realtime", "warn");
  const stopRealtime = attachRealtime(io, realtimeLog);
  setRealtimeServer(io);
  listenToOtherInstances(io, {
    "audit:row": (row) =>
      void pushAuditRowLocally(row).catch((error: Error) => realtimeLog(`audit push: ${error.message}`)),
    "access:recheck": () => void recheckLocalSocketsNow(),
  });
  const leadership = startLeadership(process.env.DATABASE_URL, { log: clusterLog });
  const stopHealth = startHealthLoop({ leadership, log: lineLogger("health", "warn") });
  const stopRetention = startAuditRetention({ days: cfg.AUDIT_RETENTION_DAYS, log });
  const stopSessionCleanup = startSessionCleanup(log);

  await new Promise<void>((resolve) => httpServer.listen(cfg.PORT, cfg.HOST, resolve));
  log(`ready on http://${cfg.HOST === "0.0.0.0" ? "localhost" : cfg.HOST}:${cfg.PORT}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await shutDownGracefully({
      httpServer,
      io,
      timeoutMs: cfg.SHUTDOWN_TIMEOUT_SECONDS * 1000,
      stopBackground: [stopHealth, stopRetention, stopSessionCleanup, stopRealtime],
      closeResources: [closeAdapter, () => leadership.stop(), disconnectDb, async () => void (await postgres?.stop())],
      log,
    });
    log("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: Error) => {
  logger().fatal(`failed to start: ${error.message}`);
  process.exit(1);
});
