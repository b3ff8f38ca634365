"use client";

// The palette's answer for what is typed: one GET /api/search per change, the previous one
// aborted; asked again shortly while the server is still reading an endpoint for the first time.
import { useEffect, useState } from "react";
import type { PaletteAnswer } from "../search/palette-item";

const RETRY_PENDING_MS = 500;
const MAX_PENDING_RETRIES = 6;

export interface PaletteSearch {
  answer: PaletteAnswer | null;
  loading: boolean;
  error: string | null;
}

export function usePaletteSearch(query: string): PaletteSearch {
  const [state, setState] = useState<PaletteSearch>({ answer: null, loading: false, error: null });
  const text = query.trim();

  useEffect(() => {
    if (!text) {
      setState({ answer: null, loading: false, error: null });
      return;
    }
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async (retries: number) => {
      setState((s) => ({ ...s, loading: true }));
      try {
        const response = await fetch(`/api/search?${new URLSearchParams({ q: text })}`, { signal: abort.signal });
        const json = (await response.json()) as PaletteAnswer & { error?: string };
        if (!response.ok) throw new Error(json.error ?? `search failed (${response.status})`);
        setState({ answer: json, loading: false, error: null });
        if (json.pending.length && retries < MAX_PENDING_RETRIES)
          timer = setTimeout(() => void ask(retries + 1), RETRY_PENDING_MS);
      } catch (error) {
        if (abort.signal.aborted) return;
        setState((s) => ({ ...s, loading: false, error: (error as Error).message }));
      }
    };
    void ask(0);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [text]);

  return state;
}
