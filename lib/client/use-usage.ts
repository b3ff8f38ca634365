"use client";

// One target's live usage (the tab's shared subscription in usage-store), or nothing for null.
import { useCallback, useMemo, useSyncExternalStore } from "react";
import type { UsageTarget } from "../streams/usage/usage-types";
import { subscribeUsage, usageKey, usageSnapshot, type UsageState } from "./usage-store";

const IDLE: UsageState = { columns: [], historyMs: 0, points: [], info: null, error: null, loading: false };

export function useUsage(endpointId: string, target: UsageTarget | null): UsageState {
  // Targets are small objects made afresh on every render: their text is the identity.
  const text = target ? JSON.stringify(target) : null;
  const stable = useMemo(() => (text ? (JSON.parse(text) as UsageTarget) : null), [text]);
  const key = stable ? usageKey(endpointId, stable) : null;
  const subscribe = useCallback(
    (listener: () => void) => (stable ? subscribeUsage(endpointId, stable, listener) : () => {}),
    [endpointId, stable],
  );
  const read = useCallback(() => (key ? usageSnapshot(key) : IDLE), [key]);
  return useSyncExternalStore(subscribe, read, () => IDLE);
}
