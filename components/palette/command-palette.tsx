"use client";

// The command palette (Ctrl-K / Cmd-K on every page): finds endpoints and the objects on them by
// name, answered by the server from memory as you type; Enter opens, Tab or → lists the chosen
// item's actions (only those the person's role allows), ← or Backspace on an empty input goes
// back, Esc closes. Recently opened items come first. A dialog with a combobox and a listbox (cmdk).
import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, type KeyboardEvent } from "react";
import { readRecents, recentFirst, rememberRecent } from "@/lib/client/palette-recents";
import { usePaletteSearch } from "@/lib/client/use-palette-search";
import type { PaletteAction, PaletteItem } from "@/lib/search/palette-item";
import { OPEN_PALETTE_EVENT } from "./open-palette";
import { actionLabel, runApiAction } from "./palette-actions";
import { PaletteRow } from "./palette-row";

type Page =
  | { kind: "search" }
  | { kind: "actions"; item: PaletteItem }
  | { kind: "scale"; item: PaletteItem; action: Extract<PaletteAction, { kind: "scale" }> };

const ITEM =
  "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 data-[selected=true]:bg-accent/10 data-[disabled=true]:opacity-50";

export function CommandPalette() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [input, setInput] = useState("");
  const [page, setPage] = useState<Page>({ kind: "search" });
  const [selected, setSelected] = useState("");
  const [recents, setRecents] = useState<PaletteItem[]>([]);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const search = usePaletteSearch(open ? query : "");

  const show = useCallback(() => {
    setRecents(readRecents());
    setPage({ kind: "search" });
    setMessage(null);
    setOpen(true);
  }, []);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        if (open) setOpen(false);
        else show();
      }
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_PALETTE_EVENT, show);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_PALETTE_EVENT, show);
    };
  }, [open, show]);

  const items = query.trim() ? recentFirst(search.answer?.items ?? [], recents) : recents;
  const chosen = items.find((i) => i.key === selected) ?? items[0];

  const go = (item: PaletteItem, href: string) => {
    setRecents(rememberRecent(item));
    setOpen(false);
    router.push(href);
  };
  const toPage = (next: Page) => {
    setPage(next);
    setInput(next.kind === "scale" ? String(next.action.replicas) : "");
    setMessage(null);
  };
  const run = async (item: PaletteItem, action: PaletteAction, replicas?: number) => {
    setRecents(rememberRecent(item));
    setBusy(true);
    try {
      setMessage({ text: await runApiAction(item, action, replicas) });
      setPage({ kind: "actions", item });
      setInput("");
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };
  const choose = (item: PaletteItem, action: PaletteAction) => {
    if (action.kind === "logs") go(item, action.href);
    else if (action.kind === "scale") toPage({ kind: "scale", item, action });
    else void run(item, action);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLInputElement;
    const atEnd = target.selectionStart === target.value.length;
    if (page.kind === "search" && chosen && (e.key === "Tab" || (e.key === "ArrowRight" && atEnd))) {
      e.preventDefault();
      toPage({ kind: "actions", item: chosen });
    } else if (page.kind !== "search" && (e.key === "ArrowLeft" || e.key === "Backspace") && !input) {
      e.preventDefault();
      toPage(page.kind === "scale" ? { kind: "actions", item: page.item } : { kind: "search" });
    }
  };

  const replicas = Number(input);
  return (
    <Command.Dialog
      open={open}
      onOpenChange={setOpen}
      label="Command palette"
      shouldFilter={page.kind === "actions"}
      value={page.kind === "search" ? (chosen?.key ?? "") : undefined}
      onValueChange={page.kind === "search" ? setSelected : undefined}
      onKeyDown={onKeyDown}
      loop
      overlayClassName="fixed inset-0 z-40 bg-black/40"
      contentClassName="fixed left-1/2 top-[12vh] z-50 w-[min(44rem,94vw)] -translate-x-1/2 overflow-hidden rounded-lg border border-line bg-panel text-ink shadow-2xl"
    >
      {page.kind !== "search" ? (
        <div className="flex items-center gap-2 border-b border-line px-4 pt-3 pb-2 text-xs text-muted">
          <span>{page.item.label}</span>
          <span className="font-medium text-ink">{page.item.name}</span>
          <span>· {page.item.endpointName}</span>
          <span className="ml-auto">← back</span>
        </div>
      ) : null}
      <Command.Input
        value={page.kind === "search" ? query : input}
        onValueChange={page.kind === "search" ? setQuery : setInput}
        placeholder={
          page.kind === "search"
            ? "Find an endpoint, container, stack, image, namespace, workload, pod, node or service…"
            : page.kind === "scale"
              ? `Replicas for ${page.item.name}`
              : "Choose an action…"
        }
        inputMode={page.kind === "scale" ? "numeric" : undefined}
        className="w-full border-b border-line bg-transparent px-4 py-3 text-base outline-none"
      />
      <Command.List className="max-h-[60vh] overflow-y-auto p-2">
        {page.kind === "search" ? (
          <>
            {query.trim() && !search.loading && search.answer ? <Command.Empty>No matches.</Command.Empty> : null}
            {!query.trim() && items.length === 0 ? (
              <p className="px-3 py-2 text-muted">Type a name. Tab or → on a result shows what you can do with it.</p>
            ) : null}
            <Command.Group
              heading={query.trim() ? undefined : "Recent"}
              className="[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:text-muted"
            >
              {items.map((item) => (
                <Command.Item key={item.key} value={item.key} onSelect={() => go(item, item.href)} className={ITEM}>
                  <PaletteRow item={item} />
                </Command.Item>
              ))}
            </Command.Group>
          </>
        ) : page.kind === "actions" ? (
          <>
            <Command.Item value="Open" onSelect={() => go(page.item, page.item.href)} className={ITEM}>
              Open
            </Command.Item>
            {page.item.actions.map((action) => (
              <Command.Item
                key={action.kind}
                value={actionLabel(page.item, action)}
                disabled={busy}
                onSelect={() => choose(page.item, action)}
                className={ITEM}
              >
                {actionLabel(page.item, action)}
              </Command.Item>
            ))}
          </>
        ) : (
          <Command.Item
            value="scale"
            disabled={busy || !Number.isInteger(replicas) || replicas < 0 || input.trim() === ""}
            onSelect={() => void run(page.item, page.action, replicas)}
            className={ITEM}
          >
            Scale {page.item.name} to {input.trim() || "…"} replicas
          </Command.Item>
        )}
      </Command.List>
      <Footer search={page.kind === "search" ? search : null} message={message} />
    </Command.Dialog>
  );
}

function Footer(props: {
  search: ReturnType<typeof usePaletteSearch> | null;
  message: { text: string; error?: boolean } | null;
}) {
  const { search, message } = props;
  const notes: { text: string; error?: boolean }[] = [];
  if (message) notes.push(message);
  if (search?.error) notes.push({ text: search.error, error: true });
  if (search?.answer?.pending.length) notes.push({ text: `Still reading ${search.answer.pending.join(", ")}…` });
  for (const p of search?.answer?.problems ?? []) notes.push({ text: `${p.endpointName}: ${p.message}`, error: true });
  return (
    <div className="flex flex-col gap-1 border-t border-line px-4 py-2 text-xs text-muted" aria-live="polite">
      {notes.map((n, i) => (
        <span key={i} className={n.error ? "text-bad" : undefined} role={n.error ? "alert" : undefined}>
          {n.text}
        </span>
      ))}
      <span>↑↓ choose · Enter open · Tab or → actions · Esc close</span>
    </div>
  );
}
