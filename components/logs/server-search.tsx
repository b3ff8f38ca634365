"use client";

import { useState } from "react";
import type { LogSearchRequest, LogSearchResult } from "@/lib/realtime/events";
import { Button } from "../ui/button";

// grep across what the server holds for every source of the view (up to 20,000 recent lines per
// source, more than the page keeps for a busy merged view), with lines of context.
export function ServerSearch({
  search,
}: {
  search(request: Omit<LogSearchRequest, "subscriptionIds">): Promise<LogSearchResult>;
}) {
  const [pattern, setPattern] = useState("");
  const [result, setResult] = useState<LogSearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    const regex = /^\/(.+)\/$/.exec(pattern);
    setBusy(true);
    try {
      setResult(await search({ pattern: regex ? regex[1]! : pattern, regex: !!regex, context: 2 }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
      setResult(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (pattern) void run();
        }}
      >
        <input
          value={pattern}
          onChange={(e) => setPattern(e.target.value)}
          placeholder="Search every source: text or /regex/"
          aria-label="Search every source"
          className="w-60 rounded-md border border-line bg-panel px-2.5 py-1.5 font-mono text-xs"
        />
        <Button type="submit" disabled={!pattern || busy}>
          {busy ? "Searching…" : "Search"}
        </Button>
      </form>
      {result || error ? (
        <div
          className="fixed inset-x-8 top-16 z-20 max-h-[70vh] overflow-auto rounded-lg border border-line bg-panel p-3 text-xs shadow-lg"
          role="dialog"
          aria-label="Search results"
        >
          <div className="mb-2 flex items-center gap-2">
            <span className="font-semibold">
              {error
                ? error
                : `${result!.matches.length}${result!.truncated ? "+" : ""} matches in ${result!.searchedLines} recent lines${result!.incomplete ? ` (${result!.incomplete})` : ""}`}
            </span>
            <Button
              className="ml-auto"
              onClick={() => {
                setResult(null);
                setError(null);
              }}
            >
              Close
            </Button>
          </div>
          {result?.matches.map((m, i) => (
            <div key={i} className="mb-2 border-l-2 border-accent pl-2 font-mono" data-testid="search-match">
              <div className="text-muted">{m.label}</div>
              {m.before.map((l, j) => (
                <div key={`b${j}`} className="text-muted">
                  {l.text}
                </div>
              ))}
              <div className="font-semibold">{m.line.text}</div>
              {m.after.map((l, j) => (
                <div key={`a${j}`} className="text-muted">
                  {l.text}
                </div>
              ))}
            </div>
          ))}
        </div>
      ) : null}
    </>
  );
}
