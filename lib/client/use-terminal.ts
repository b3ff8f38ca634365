"use client";

// An xterm.js screen in `host`, joined to one terminal session: keys up, output down (UTF-8 and
// colours as the program writes them), the size following the element (fit addon + ResizeObserver),
// colours from the page's theme tokens, copy with Ctrl+Shift+C. Closed when the component goes.
import { useEffect, useRef, useState, type RefObject } from "react";
import type { Terminal } from "@xterm/xterm";
import type { TerminalRequest } from "../streams/terminal/terminal-request";
import { TerminalConnection } from "./terminal-connection";
import { getSocket } from "./socket";
import { useDocumentTheme } from "./use-document-theme";

export type TerminalState = { phase: "starting" } | { phase: "open" } | { phase: "ended"; message: string };

function themeOf(element: HTMLElement) {
  const css = getComputedStyle(element);
  const token = (name: string) => css.getPropertyValue(name).trim();
  return {
    background: token("--panel"),
    foreground: token("--ink"),
    cursor: token("--ink"),
    cursorAccent: token("--panel"),
    selectionBackground: `${token("--accent")}55`,
  };
}

export function useTerminal(host: RefObject<HTMLDivElement | null>, request: Omit<TerminalRequest, "size">) {
  const [state, setState] = useState<TerminalState>({ phase: "starting" });
  const theme = useDocumentTheme();
  const term = useRef<Terminal | null>(null);
  const requestKey = JSON.stringify(request);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let disposed = false;
    let cleanup = () => {};
    // xterm touches the DOM when loaded: only in the browser, and only for a page that needs it.
    void Promise.all([import("@xterm/xterm"), import("@xterm/addon-fit")]).then(([{ Terminal }, { FitAddon }]) => {
      if (disposed) return;
      const screen = new Terminal({
        cursorBlink: true,
        fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
        fontSize: 13,
        scrollback: 5000,
        theme: themeOf(element),
      });
      const fit = new FitAddon();
      screen.loadAddon(fit);
      screen.open(element);
      fit.fit();
      term.current = screen;
      const connection = new TerminalConnection(getSocket(), {
        output: (data, done) => screen.write(data, done),
        started: () => setState({ phase: "open" }),
        ended: (message) => {
          screen.write(`\r\n\x1b[2m[${message}]\x1b[0m\r\n`);
          setState({ phase: "ended", message });
        },
      });
      screen.onData((data) => connection.input(data));
      screen.onResize(({ cols, rows }) => connection.resize({ cols, rows }));
      // Copy the selection with Ctrl+Shift+C (Ctrl+C goes to the program); paste is the browser's.
      screen.attachCustomKeyEventHandler((e) => {
        if (e.type === "keydown" && e.ctrlKey && e.shiftKey && e.code === "KeyC") {
          void navigator.clipboard?.writeText(screen.getSelection()).catch(() => {});
          return false;
        }
        return true;
      });
      let frame = 0;
      const observer = new ResizeObserver(() => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => element.offsetParent && fit.fit());
      });
      observer.observe(element);
      void connection.start({
        ...(JSON.parse(requestKey) as typeof request),
        size: { cols: screen.cols, rows: screen.rows },
      });
      screen.focus();
      cleanup = () => {
        observer.disconnect();
        cancelAnimationFrame(frame);
        connection.dispose();
        screen.dispose();
        term.current = null;
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [host, requestKey]);

  useEffect(() => {
    if (term.current && host.current) term.current.options.theme = themeOf(host.current);
  }, [theme, host]);

  return { state, focus: () => term.current?.focus() };
}
