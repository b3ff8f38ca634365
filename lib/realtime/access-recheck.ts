// Access is not only checked when a socket connects or subscribes: every ACCESS_RECHECK_MS each
// socket of this instance is read against the database again (works across instances, since the
// database is the one truth). A disabled or removed user, a revoked API token, an ended server-side
// session or a passed session expiry ends the socket; each feature's guard ends what the current grants no longer allow
// (rooms, log subscriptions, event watches), and deleted endpoints are let go.
import { openSessionIds } from "../auth/session-store";
import { db, type Endpoint } from "../db/client";
import type { Subject } from "../rbac/authorize";
import type { RealtimeServer } from "./hub";
import { tellOtherInstances } from "./instance-events";
import { ACCESS_RECHECK_MS } from "./limits";
import { reloadSubject } from "./reload-subject";
import type { RealtimeSocket } from "./socket-data";

export interface CurrentAccess {
  subject: Subject;
  /** The endpoint still exists (a deleted one is visible to nobody). */
  endpointExists(endpointId: string): boolean;
  /** Every endpoint, read once per pass for all sockets (ordered by name). */
  endpoints: Endpoint[];
}

/** Ends, on one socket, whatever `access` no longer allows. */
export type AccessGuard = (socket: RealtimeSocket, access: CurrentAccess) => void | Promise<void>;
/** Lets go of per-instance upstreams of endpoints that no longer exist. */
export type EndpointSweep = (endpointExists: (endpointId: string) => boolean) => void;

const key = Symbol.for("fleetdeck.accessRecheck");
type Holder = { [key]?: () => Promise<void> };

/**
 * Re-checks every socket now instead of at the next tick, on this instance and (through the
 * adapter) every other: call after removing a grant, disabling a user or deleting an endpoint.
 * Safe to call from route code (a separate module graph).
 */
export function recheckAccessNow(): Promise<void> {
  tellOtherInstances("access:recheck");
  return recheckLocalSocketsNow();
}

/** This instance's sockets only (what another instance's "access:recheck" asks for). */
export function recheckLocalSocketsNow(): Promise<void> {
  return (globalThis as Holder)[key]?.() ?? Promise.resolve();
}

function credentialEnded(socket: RealtimeSocket): string | null {
  const credential = socket.data.credential;
  if (credential.kind === "session" && credential.expiresAt !== null && credential.expiresAt <= Date.now())
    return "your session expired: sign in again";
  return null;
}

export function startAccessRecheck(
  io: RealtimeServer,
  options: { guards: AccessGuard[]; sweeps: EndpointSweep[]; log: (message: string) => void; intervalMs?: number },
): () => void {
  let running: Promise<void> | null = null;
  let again = false;

  const end = (socket: RealtimeSocket, reason: string) => {
    socket.emit("session:ended", { reason });
    socket.disconnect(true);
  };

  const tick = async () => {
    const endpoints = await db().endpoint.findMany({ orderBy: { name: "asc" } });
    const endpointIds = new Set(endpoints.map((e) => e.id));
    const endpointExists = (id: string) => endpointIds.has(id);
    for (const sweep of options.sweeps) sweep(endpointExists);
    const sockets = [...io.of("/").sockets.values()];
    // One query for every session of this instance's sockets.
    const openSessions = await openSessionIds([
      ...new Set(sockets.flatMap((s) => (s.data.credential?.kind === "session" ? [s.data.credential.sessionId] : []))),
    ]);
    // One read per user (or API token) per tick, however many sockets they have open.
    const subjects = new Map<string, Promise<Subject | null>>();
    const subjectOf = (socket: RealtimeSocket) => {
      const c = socket.data.credential;
      const id = c.kind === "token" ? `token:${c.token}` : `user:${socket.data.subject.userId}`;
      if (!subjects.has(id)) subjects.set(id, reloadSubject(socket));
      return subjects.get(id)!;
    };
    // Every person's read starts now, side by side, rather than one after another in the loop.
    for (const socket of sockets) if (socket.data.credential) void subjectOf(socket).catch(() => null);
    for (const socket of sockets) {
      const credential = socket.data.credential;
      if (!credential) continue; // still in the handshake
      if (credential.kind === "session" && !openSessions.has(credential.sessionId)) {
        end(socket, "you were signed out (this session was ended): sign in again");
        continue;
      }
      const subject = await subjectOf(socket);
      if (!socket.connected) continue;
      if (!subject) {
        end(socket, "your account or token is no longer valid");
        continue;
      }
      const expired = credentialEnded(socket);
      if (expired) {
        end(socket, expired);
        continue;
      }
      socket.data.subject = subject;
      for (const guard of options.guards) {
        try {
          await guard(socket, { subject, endpointExists, endpoints });
        } catch (error) {
          options.log(`access re-check of a socket failed: ${(error as Error).message}`);
        }
      }
    }
  };

  // One pass at a time; a request in the middle of one runs another right after it.
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = tick()
      .catch((error: Error) => options.log(`access re-check failed: ${error.message}`))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void run();
        }
      });
    return running;
  };

  const timer = setInterval(() => void run(), options.intervalMs ?? ACCESS_RECHECK_MS);
  timer.unref();
  (globalThis as Holder)[key] = run;
  return () => {
    clearInterval(timer);
    if ((globalThis as Holder)[key] === run) delete (globalThis as Holder)[key];
  };
}
