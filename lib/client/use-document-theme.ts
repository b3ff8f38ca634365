// The theme the page shows now: `data-theme` on <html>, set before the first paint by the root
// layout's script and flipped by the theme toggle; followed with a MutationObserver.
import { useSyncExternalStore } from "react";

export type Theme = "light" | "dark";

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

const read = (): Theme => (document.documentElement.dataset.theme === "dark" ? "dark" : "light");

export function useDocumentTheme(): Theme {
  return useSyncExternalStore(subscribe, read, () => "light");
}
