"use client";

// Where toasts appear (sonner): the results of one-shot actions. Follows the page's theme, and
// draws with the app's own colour tokens so a toast looks like a panel in either theme.
import type { CSSProperties } from "react";
import { Toaster } from "sonner";
import { useDocumentTheme } from "@/lib/client/use-document-theme";

const TOKENS = {
  "--normal-bg": "var(--panel)",
  "--normal-border": "var(--line)",
  "--normal-text": "var(--ink)",
} as CSSProperties;

export function AppToaster() {
  const theme = useDocumentTheme();
  return <Toaster theme={theme} style={TOKENS} position="bottom-right" closeButton />;
}
