"use client";

// The palette's answer for what is typed: one palette:search over the tab's socket per change
// (answers to earlier text are dropped), asked again shortly while the server is still reading an
// endpoint for the first time.
import { useEffect, useState } from "react";
import type { PaletteAnswer } from "../search/palette-item";
import { getSocket } from "./socket";

const RETRY_PENDING_MS = 500;
const MAX_PENDING_RETRIES = 6;
const ANSWER_TIMEOUT_MS = 10_000;

export interface PaletteSearch {
  answer: PaletteAnswer | null;
  loading: boolean;
  error: string | null;
}

export function usePaletteSearch(query: string): PaletteSearch {
  // The latest answer and the text it answers; while the text is newer, the last answer stays shown.
  const [state, setState] = useState<{ text: string; answer: PaletteAnswer | null; error: string | null }>({
    text: "",
    answer: null,
    error: null,
  });
  const text = query.trim();

  useEffect(() => {
    if (!text) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (retries: number) => {
      getSocket()
        .timeout(ANSWER_TIMEOUT_MS)
        .emit("palette:search", { q: text }, (timedOut, reply) => {
          if (!current) return;
          if (timedOut) return setState((s) => ({ ...s, text, error: "the server did not answer in time" }));
          if (!reply.ok) return setState((s) => ({ ...s, text, error: reply.error }));
          setState({ text, answer: reply.data, error: null });
          if (reply.data.pending.length && retries < MAX_PENDING_RETRIES)
            timer = setTimeout(() => ask(retries + 1), RETRY_PENDING_MS);
        });
    };
    ask(0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  if (!text) return { answer: null, loading: false, error: null };
  return { answer: state.answer, loading: state.text !== text, error: state.text === text ? state.error : null };
}
