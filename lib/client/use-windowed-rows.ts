"use client";

// Renders only the rows in view (plus a margin) of a fixed-row-height list, so thousands of rows
// cost what a screenful costs.
import { useEffect, useState, type RefObject } from "react";

export function useWindowedRows(options: {
  count: number;
  rowHeight: number;
  viewport: RefObject<HTMLElement | null>;
  overscan?: number;
}) {
  const { count, rowHeight, viewport, overscan = 10 } = options;
  const [range, setRange] = useState({ start: 0, end: Math.min(count, 50) });

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const update = () => {
      const start = Math.max(0, Math.floor(element.scrollTop / rowHeight) - overscan);
      const end = Math.min(count, Math.ceil((element.scrollTop + element.clientHeight) / rowHeight) + overscan);
      setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
    };
    update();
    element.addEventListener("scroll", update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      element.removeEventListener("scroll", update);
      observer.disconnect();
    };
  }, [count, rowHeight, viewport, overscan]);

  return { ...range, padTop: range.start * rowHeight, padBottom: (count - range.end) * rowHeight };
}
