"use client";

// How many characters of the element's (monospace) font fit on one line of it: what wrapping a
// log line into rows needs, without measuring every line in the DOM.
import { useEffect, useState, type RefObject } from "react";

const PADDING_PX = 28; // the line's horizontal padding and its severity border

export function useTextColumns(element: RefObject<HTMLElement | null>): number {
  const [columns, setColumns] = useState(120);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const probe = document.createElement("span");
    probe.textContent = "0".repeat(100);
    probe.style.cssText = "position:absolute;visibility:hidden;white-space:pre";
    target.appendChild(probe);
    // Measured once and taken out again: left in, the 100-character probe widens a narrow page.
    const charWidth = probe.getBoundingClientRect().width / 100 || 7.2;
    probe.remove();
    const update = () => {
      setColumns(Math.max(20, Math.floor((target.clientWidth - PADDING_PX) / charWidth)));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return columns;
}
