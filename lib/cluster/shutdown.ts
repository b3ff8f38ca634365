// Graceful stop on SIGTERM (a rolling update, a scale-down): readiness fails at once, the listener
// closes (no new connections), every socket is dropped so its browser reconnects — through the load
// balancer, to another instance — and resumes there; requests in flight get until the deadline to
// finish; then upstream streams, the adapter, the lock and the database pool are closed.
import type { Server as HttpServer } from "node:http";
import { markShuttingDown } from "../http/lifecycle";
import type { RealtimeServer } from "../realtime/hub";

export async function shutDownGracefully(options: {
  httpServer: HttpServer;
  io: RealtimeServer;
  timeoutMs: number;
  /** Background work to stop first (timers, the access re-check). */
  stopBackground: Array<() => void>;
  /** Closed last, in order (adapter, lock, database). */
  closeResources: Array<() => Promise<void>>;
  log: (message: string) => void;
}): Promise<void> {
  const { httpServer, io, log } = options;
  markShuttingDown();
  for (const stop of options.stopBackground) stop();
  const requestsDone = new Promise<void>((resolve) => httpServer.close(() => resolve()));
  const sockets = io.of("/").sockets.size;
  // Closing the transport (not a server-side disconnect) is what makes socket.io clients reconnect
  // on their own; their features re-subscribe and resume from what they last received.
  for (const socket of io.of("/").sockets.values()) socket.conn.close();
  log(`stopping: ${sockets} socket(s) sent elsewhere; waiting up to ${options.timeoutMs / 1000} s for requests`);
  httpServer.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timeout">(
    (resolve) => (timer = setTimeout(() => resolve("timeout"), options.timeoutMs)),
  );
  if ((await Promise.race([requestsDone, deadline])) === "timeout") {
    log("stopping: requests still open at the deadline are cut");
    httpServer.closeAllConnections();
  }
  clearTimeout(timer);
  await new Promise<void>((resolve) => io.close(() => resolve()));
  for (const close of options.closeResources) await close().catch((error: Error) => log(`stopping: ${error.message}`));
}
