"use client";

// Renders only the rows in view (plus a margin) of a long list, with TanStack Virtual, so
// thousands of rows cost what a screenful costs. The rows outside stand in as two padding
// heights, so a table keeps real <tr> rows in a <table>. Rows are `rowHeight` tall, or `units[i]`
// times that when given (wrapped log lines).
import { useVirtualizer, type VirtualItem } from "@tanstack/react-virtual";
import { useLayoutEffect, useRef, type RefObject } from "react";

/** Rows shown before the viewport is measured: the server's render and the first paint. */
const FIRST_SCREEN_ROWS = 40;

export interface VirtualRows {
  /** The rows to render, in order: `index` into the list, `size` its height in pixels. */
  rows: VirtualItem[];
  /** Heights of the rows not rendered above and below them. */
  padTop: number;
  padBottom: number;
  /** The height of the whole list. */
  totalHeight: number;
}

export function useVirtualRows(options: {
  count: number;
  rowHeight: number;
  viewport: RefObject<HTMLElement | null>;
  overscan?: number;
  units?: number[];
}): VirtualRows {
  const { count, rowHeight, viewport, overscan = 10, units } = options;
  // The React Compiler is not used here; this hook reads the virtualizer afresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => viewport.current,
    estimateSize: (index) => rowHeight * (units?.[index] ?? 1),
    overscan,
    initialRect: { width: 0, height: FIRST_SCREEN_ROWS * rowHeight },
  });
  // TanStack keeps the sizes it has computed while the count stays the same: new heights
  // (lines wrapped anew, or a full buffer whose lines moved up) must be recomputed.
  const sizedFor = useRef(units);
  useLayoutEffect(() => {
    if (sizedFor.current === units) return;
    sizedFor.current = units;
    virtualizer.measure();
  }, [virtualizer, units]);

  const rows = virtualizer.getVirtualItems();
  const totalHeight = virtualizer.getTotalSize();
  const last = rows.at(-1);
  return { rows, padTop: rows[0]?.start ?? 0, padBottom: last ? totalHeight - last.end : 0, totalHeight };
}
