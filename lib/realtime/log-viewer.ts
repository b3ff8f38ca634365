// One socket's log subscriptions: set up (checked, bounded per socket and per user, abandoned if
// the socket goes while upstream answers are awaited), served as LogGroups, searched, re-checked
// against current access, and closed with the socket. Within the socket one subscription follows
// each container, even when two endpoints lead to the same engine (MemberClaims).
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { db } from "../db/client";
import { describeUpstreamError } from "../endpoints/upstream-error";
import { AccessDeniedError, endpointNotFound } from "../rbac/access-denied";
import { authorize, type Subject } from "../rbac/authorize";
import { LogGroup } from "../streams/log-group";
import type { LogHub } from "../streams/log-hub";
import type { LogSource } from "../streams/log-source";
import type { LogTarget } from "../streams/log-target";
import { MemberClaims } from "../streams/member-claims";
import type { MemberSet } from "../streams/member-set";
import type { MemberSetHub } from "../streams/member-set-hub";
import { LogAccessError, mayReadTarget, resolveLogMembers } from "../streams/resolve-log-members";
import { lineMatcher, searchBuffers, SearchPatternError } from "../streams/search-buffers";
import { toWire, type WireFrame } from "../streams/wire-frame";
import type { CurrentAccess } from "./access-recheck";
import type { CLIENT_EVENT_SCHEMAS } from "./event-schemas";
import { FRAME_ACK_TIMEOUT_MS, MAX_LOG_SUBSCRIPTIONS_PER_SOCKET } from "./limits";
import type { RealtimeSocket } from "./socket-data";
import { SocketRequestError } from "./socket-handler";
import type { SubscriptionQuota } from "./subscription-quota";
import { reloadSubject } from "./reload-subject";

type SubscribeRequest = z.output<(typeof CLIENT_EVENT_SCHEMAS)["logs:subscribe"]>;
type SearchRequest = z.output<(typeof CLIENT_EVENT_SCHEMAS)["logs:search"]>;

/** Grants are reused for this long (a rollout changes many members at once; a page opens several views). */
const SUBJECT_FRESH_MS = 500;

interface Entry {
  group: LogGroup;
  endpointId: string;
  target: LogTarget;
  giveBack: () => void;
}

export class LogViewer {
  private entries = new Map<string, Entry>();
  private settingUp = 0;
  private claims = new MemberClaims();
  private gone = new AbortController();
  private subject: { value: Subject | null; at: number };

  constructor(
    private readonly socket: RealtimeSocket,
    private readonly shared: { hub: LogHub; memberSets: MemberSetHub; quota: SubscriptionQuota },
  ) {
    // Loaded by the handshake a moment ago: a page's first subscriptions need not load it again.
    this.subject = { value: socket.data.subject, at: Date.now() };
  }

  get open(): number {
    return this.entries.size;
  }

  async subscribe(request: SubscribeRequest): Promise<{ subscriptionId: string; label: string }> {
    if (this.entries.size + this.settingUp >= MAX_LOG_SUBSCRIPTIONS_PER_SOCKET)
      throw new SocketRequestError(
        `at most ${MAX_LOG_SUBSCRIPTIONS_PER_SOCKET} log subscriptions per tab; close some log views first`,
      );
    const giveBack = this.shared.quota.take(this.socket.data.subject.userId);
    this.settingUp++;
    try {
      const signal = this.gone.signal;
      const [subject, endpoint] = await Promise.all([
        this.currentSubject(),
        db().endpoint.findUnique({ where: { id: request.endpointId } }),
      ]);
      signal.throwIfAborted();
      if (!subject || !endpoint) throw endpointNotFound("logs.read", request.endpointId);
      const set = await resolveLogMembers({ subject, endpoint, target: request.target, signal }).catch(
        (error: unknown) => {
          if (signal.aborted || error instanceof LogAccessError || error instanceof AccessDeniedError) throw error;
          const status =
            (error as { statusCode?: number; code?: unknown }).statusCode ?? (error as { code?: unknown }).code;
          if (status === 404) throw new SocketRequestError("not found");
          throw describeUpstreamError(error, endpoint.name);
        },
      );
      signal.throwIfAborted();
      const subscriptionId = randomUUID();
      const group = this.group(subscriptionId, request, set);
      this.entries.set(subscriptionId, { group, endpointId: endpoint.id, target: request.target, giveBack });
      group.start();
      return { subscriptionId, label: set.label };
    } catch (error) {
      giveBack();
      throw error;
    } finally {
      this.settingUp--;
    }
  }

  unsubscribe(subscriptionId: string): void {
    const entry = this.entries.get(subscriptionId);
    if (!entry) return;
    this.entries.delete(subscriptionId);
    entry.group.close();
    entry.giveBack();
    if (this.claims.releaseAll(subscriptionId)) this.recheckGroups();
  }

  /** Only this socket's own subscriptions: what it was already allowed to read. */
  async search(request: SearchRequest) {
    let matches: (text: string) => boolean;
    try {
      matches = lineMatcher(request.pattern, request.regex);
    } catch (error) {
      if (error instanceof SearchPatternError) throw new SocketRequestError(error.message);
      throw error;
    }
    const buffers = request.subscriptionIds.flatMap((subscriptionId) =>
      (this.entries.get(subscriptionId)?.group.members() ?? []).map((m) => ({
        subscriptionId,
        member: m.key,
        label: m.label,
        lines: this.shared.hub.recentLines(m.key),
      })),
    );
    return searchBuffers({ buffers, matches, context: request.context });
  }

  /** Ends the subscriptions `access` no longer allows; re-admits the members of the others. */
  async recheck(access: CurrentAccess): Promise<void> {
    this.subject = { value: access.subject, at: Date.now() };
    for (const [subscriptionId, entry] of [...this.entries]) {
      const allowed = access.endpointExists(entry.endpointId)
        ? mayReadTarget(access.subject, entry.endpointId, entry.target).allowed
        : false;
      if (allowed) await entry.group.recheck();
      else this.revoke(subscriptionId, "access revoked: you may no longer read these logs");
    }
  }

  close(): void {
    this.gone.abort(new SocketRequestError("the connection closed"));
    for (const id of [...this.entries.keys()]) this.unsubscribe(id);
  }

  private revoke(subscriptionId: string, reason: string): void {
    const entry = this.entries.get(subscriptionId);
    if (!entry) return;
    const left = entry.group.close();
    if (left.length) this.socket.emit("logs:members", { subscriptionId, joined: [], left });
    this.socket.emit("logs:frame", this.frame(subscriptionId, { status: "closed", error: reason }), () => {});
    this.unsubscribe(subscriptionId);
  }

  private frame(subscriptionId: string, status: Pick<WireFrame, "status" | "error">): WireFrame {
    return toWire(status, subscriptionId, "");
  }

  private recheckGroups(): void {
    if (this.gone.signal.aborted) return;
    for (const entry of this.entries.values()) void entry.group.recheck();
  }

  private async currentSubject(): Promise<Subject | null> {
    if (Date.now() - this.subject.at > SUBJECT_FRESH_MS)
      this.subject = { value: await reloadSubject(this.socket), at: Date.now() };
    return this.subject.value;
  }

  private group(subscriptionId: string, request: SubscribeRequest, set: MemberSet): LogGroup {
    const socket = this.socket;
    return new LogGroup({
      hub: this.shared.hub,
      memberSets: this.shared.memberSets,
      set,
      tail: request.tail,
      since: request.since,
      resume: request.resume,
      // Grants are read again whenever members join: a revoked grant or namespace stops them.
      admit: async (sources: LogSource[]) => {
        const subject = await this.currentSubject();
        if (!subject) return [];
        const readable = sources.filter(
          (s) => authorize(subject, "logs.read", { endpointId: s.endpointId, namespace: s.namespace }).allowed,
        );
        return this.claims.claim(subscriptionId, readable);
      },
      released: (sources) => {
        if (this.claims.release(subscriptionId, sources)) this.recheckGroups();
      },
      deliver: async (member, frame) => {
        await socket.timeout(FRAME_ACK_TIMEOUT_MS).emitWithAck("logs:frame", toWire(frame, subscriptionId, member));
      },
      announce: (change) => socket.emit("logs:members", { subscriptionId, ...change }),
      problem: (error) =>
        socket.emit(
          "logs:frame",
          this.frame(subscriptionId, { status: error ? "reconnecting" : "live", error: error ?? undefined }),
          () => {},
        ),
    });
  }
}
