"use client";

// Renders only the rows in view (plus a margin) of a list, so thousands of rows cost what a
// screenful costs. Rows are `rowHeight` tall, or `units[i]` times that when given (wrapped lines).
import { useEffect, useMemo, useState, type RefObject } from "react";

/** Index of the first item whose end is below `y`. */
function itemAt(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid + 1]! <= y) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function useWindowedRows(options: {
  count: number;
  rowHeight: number;
  viewport: RefObject<HTMLElement | null>;
  overscan?: number;
  units?: number[];
}) {
  const { count, rowHeight, viewport, overscan = 10, units } = options;
  const [range, setRange] = useState({ start: 0, end: Math.min(count, 50) });
  // Where each item starts, when heights differ.
  const offsets = useMemo(() => {
    if (!units) return null;
    const out = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) out[i + 1] = out[i]! + (units[i] ?? 1) * rowHeight;
    return out;
  }, [units, count, rowHeight]);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const update = () => {
      const top = element.scrollTop;
      const bottom = top + element.clientHeight;
      const first = offsets ? itemAt(offsets, top) : Math.floor(top / rowHeight);
      const last = offsets ? itemAt(offsets, bottom) + 1 : Math.ceil(bottom / rowHeight);
      const start = Math.max(0, first - overscan);
      const end = Math.min(count, last + overscan);
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
  }, [count, rowHeight, viewport, overscan, offsets]);

  const start = Math.min(range.start, count);
  const end = Math.min(range.end, count);
  if (offsets) return { start, end, padTop: offsets[start]!, padBottom: offsets[count]! - offsets[end]! };
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}
