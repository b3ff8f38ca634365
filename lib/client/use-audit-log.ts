"use client";

// The audit log for a filter: the newest page, older pages on request ("Load more"), and new rows
// pushed over the tab's socket (audit:watch with the same filter) put on top as they are written.
// Mount it anew (a React key) when the filter changes: it starts empty.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { AuditFilterParams } from "../audit/audit-filter";
import type { AuditPage, AuditRow } from "../audit/audit-row";
import { api } from "./api";
import { auditQueryString, readAuditFilterParams } from "./audit-filter-params";
import { getSocket } from "./socket";

export interface AuditLogState {
  rows: AuditRow[];
  next: string | null;
  loading: boolean;
  error: string | null;
  live: { connected: boolean; error?: string };
  loadMore(): void;
}

const PAGE = 50;

export function useAuditLog(given: AuditFilterParams): AuditLogState {
  const key = auditQueryString(given);
  // The same filter object for as long as its contents are the same.
  const filter = useMemo(() => readAuditFilterParams(new URLSearchParams(key)), [key]);
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState<{ connected: boolean; error?: string }>({ connected: false });

  // Rows already shown (a pushed row may also arrive in a page read at the same moment) are kept once.
  const addRows = useCallback((more: AuditRow[], where: "top" | "bottom") => {
    setRows((current) => {
      const known = new Set(current.map((r) => r.id));
      const fresh = more.filter((r) => !known.has(r.id));
      return where === "top" ? [...fresh, ...current] : [...current, ...fresh];
    });
  }, []);

  const load = useCallback(
    async (before: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api<AuditPage>(
          `/api/audit?${auditQueryString(filter, { limit: String(PAGE), ...(before ? { before } : {}) })}`,
        );
        addRows(page.rows, "bottom");
        setNext(page.next);
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setLoading(false);
      }
    },
    [filter, addRows],
  );

  useEffect(() => {
    const socket = getSocket();
    // Watch first, then read the page: a row written in between arrives one way or the other.
    const watch = () =>
      socket.emit("audit:watch", filter, (reply) =>
        setLive(reply.ok ? { connected: true } : { connected: false, error: reply.error }),
      );
    const onRow = (row: AuditRow) => addRows([row], "top");
    const onClosed = ({ reason }: { reason: string }) => setLive({ connected: false, error: reason });
    const onDisconnect = () => setLive({ connected: false });
    socket.on("connect", watch);
    socket.on("disconnect", onDisconnect);
    socket.on("audit:row", onRow);
    socket.on("audit:closed", onClosed);
    if (socket.connected) watch();
    void load(null);
    return () => {
      socket.off("connect", watch);
      socket.off("disconnect", onDisconnect);
      socket.off("audit:row", onRow);
      socket.off("audit:closed", onClosed);
      socket.emit("audit:unwatch");
    };
  }, [filter, load, addRows]);

  return { rows, next, loading, error, live, loadMore: () => void (next && load(next)) };
}
