// One socket's terminals: opened after authorize("workload.exec") on the endpoint (and namespace),
// bounded per socket and per user, audited when they start and end, re-checked against current
// grants by the access re-check, and all ended with the socket.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { recordAudit } from "../audit/record";
import { config } from "../config";
import { db } from "../db/client";
import { describeUpstreamError } from "../endpoints/upstream-error";
import { AccessDeniedError, endpointNotFound } from "../rbac/access-denied";
import { authorize, type Subject } from "../rbac/authorize";
import { terminalCommand } from "../streams/terminal/shell-command";
import { openTerminal } from "../streams/terminal/open-terminal";
import { describeTerminalTarget, type TerminalTarget } from "../streams/terminal/terminal-request";
import { TerminalSession, type SessionEnd } from "../streams/terminal/terminal-session";
import { TerminalStartError } from "../streams/terminal/terminal-upstream";
import type { CurrentAccess } from "./access-recheck";
import type { CLIENT_EVENT_SCHEMAS } from "./event-schemas";
import { MAX_TERMINALS_PER_SOCKET, TERMINAL_ACK_TIMEOUT_MS } from "./limits";
import { reloadSubject } from "./reload-subject";
import type { RealtimeSocket } from "./socket-data";
import { SocketRequestError } from "./socket-handler";
import type { SubscriptionQuota } from "./subscription-quota";

type StartRequest = z.output<(typeof CLIENT_EVENT_SCHEMAS)["exec:start"]>;

interface Entry {
  session: TerminalSession;
  endpointId: string;
  target: TerminalTarget;
}

const namespaceOf = (target: TerminalTarget) => (target.kind === "pod" ? target.namespace : undefined);

/** May this subject open (or keep open) a terminal on this target? */
export function mayExec(subject: Subject, endpointId: string, target: TerminalTarget) {
  return authorize(subject, "workload.exec", { endpointId, namespace: namespaceOf(target) });
}

export class SocketTerminals {
  private entries = new Map<string, Entry>();
  private settingUp = 0;
  private gone = false;

  constructor(
    private readonly socket: RealtimeSocket,
    private readonly quota: SubscriptionQuota,
    private readonly log: (message: string) => void,
  ) {}

  /** The endpoint of each open terminal (for the metrics). */
  *endpointIds(): Iterable<readonly [string, number]> {
    for (const entry of this.entries.values()) yield [entry.endpointId, 1];
  }

  async start(request: StartRequest): Promise<{ sessionId: string; command: string[] | null }> {
    if (this.entries.size + this.settingUp >= MAX_TERMINALS_PER_SOCKET)
      throw new SocketRequestError(`at most ${MAX_TERMINALS_PER_SOCKET} terminals per tab; close some first`);
    const [subject, endpoint] = await Promise.all([
      reloadSubject(this.socket),
      db().endpoint.findUnique({ where: { id: request.endpointId } }),
    ]);
    const what = describeTerminalTarget(request.target);
    if (!subject || !endpoint) throw endpointNotFound("workload.exec", request.endpointId);
    const decision = mayExec(subject, endpoint.id, request.target);
    if (!decision.allowed) {
      if (decision.reason === "not-visible") throw endpointNotFound("workload.exec", request.endpointId);
      throw new AccessDeniedError("you may not open a terminal here: that needs the operator role", {
        action: "workload.exec",
        endpointId: endpoint.id,
        target: what,
      });
    }
    const giveBack = this.quota.take(subject.userId);
    this.settingUp++;
    const sessionId = randomUUID();
    const command = terminalCommand(request.start);
    const audit = {
      actor: subject,
      endpointId: endpoint.id,
      target: what,
      address: this.socket.handshake.address,
    };
    const detail = { sessionId, mode: request.start.mode, command: command ?? "attach", via: "socket" };
    const startedAt = Date.now();
    // The end is written after the start, even for a program that ends at once.
    let started: () => void = () => {};
    const startAudited = new Promise<void>((resolve) => (started = resolve));
    const session = new TerminalSession({
      idleTimeoutMs: config().EXEC_IDLE_TIMEOUT_SECONDS * 1000,
      send: async (frame) => {
        await this.socket.timeout(TERMINAL_ACK_TIMEOUT_MS).emitWithAck("exec:output", { sessionId, data: frame });
      },
      onEnd: (end) => {
        this.entries.delete(sessionId);
        giveBack();
        this.ended(sessionId, end);
        const seconds = (Date.now() - startedAt) / 1000;
        void startAudited
          .then(() =>
            recordAudit({
              ...audit,
              action: "exec.end",
              outcome: "SUCCESS",
              detail: { ...detail, exitCode: end.exitCode, reason: end.message, seconds },
            }),
          )
          .catch((e: Error) => this.log(`could not audit the end of a terminal: ${e.message}`));
      },
    });
    try {
      const upstream = await openTerminal({ endpoint, subject, request, command, sessionId, sink: session.sink });
      session.connect(upstream);
    } catch (error) {
      giveBack();
      const message =
        error instanceof TerminalStartError || error instanceof SocketRequestError
          ? error.message
          : describeUpstreamError(error, endpoint.name).message;
      await recordAudit({ ...audit, action: "exec.start", outcome: "FAILURE", detail: { ...detail, error: message } });
      throw new SocketRequestError(message);
    } finally {
      this.settingUp--;
    }
    try {
      await recordAudit({ ...audit, action: "exec.start", outcome: "SUCCESS", detail });
    } catch (error) {
      // No terminal runs unrecorded.
      session.close("the audit log could not be written");
      throw error;
    } finally {
      started();
    }
    // The tab went (or the program already ended) while the upstream was opening.
    if (this.gone) session.close("the connection closed");
    else if (session.open) this.entries.set(sessionId, { session, endpointId: endpoint.id, target: request.target });
    // The acknowledgement (with the id) is written first; output already received follows it.
    setImmediate(() => session.release());
    return { sessionId, command };
  }

  input(sessionId: string, data: string): void {
    this.entries.get(sessionId)?.session.input(data);
  }

  resize(sessionId: string, size: { cols: number; rows: number }): void {
    this.entries.get(sessionId)?.session.resize(size);
  }

  close(sessionId: string, reason = "closed"): void {
    this.entries.get(sessionId)?.session.close(reason);
  }

  /** Ends the terminals `access` no longer allows (a grant gone, the role lowered, the endpoint deleted). */
  recheck(access: CurrentAccess): void {
    for (const [sessionId, entry] of [...this.entries]) {
      const allowed =
        access.endpointExists(entry.endpointId) && mayExec(access.subject, entry.endpointId, entry.target).allowed;
      if (!allowed) this.close(sessionId, "access revoked: you may no longer open terminals here");
    }
  }

  closeAll(): void {
    this.gone = true;
    for (const sessionId of [...this.entries.keys()]) this.close(sessionId, "the connection closed");
  }

  private ended(sessionId: string, end: SessionEnd): void {
    if (this.socket.connected)
      this.socket.emit("exec:ended", { sessionId, exitCode: end.exitCode, message: end.message });
  }
}
