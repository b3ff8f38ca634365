"use client";

import { useState } from "react";
import { prettyJson } from "@/lib/client/log-severity";
import type { ViewLine } from "@/lib/client/use-log-stream";
import { Button } from "../ui/button";

// The line you clicked, whole: long lines in full, JSON pretty-printed, and a copy button.
export function SelectedLine({
  line,
  source,
  onClose,
}: {
  line: Extract<ViewLine, { marker?: undefined }>;
  source?: string;
  onClose(): void;
}) {
  const [copied, setCopied] = useState(false);
  const pretty = prettyJson(line.text);
  return (
    <div className="space-y-2 rounded-lg border border-line bg-panel p-3 text-xs" data-testid="selected-line">
      <div className="flex items-center gap-2 text-muted">
        <span>{line.ts}</span>
        <span>{line.stream}</span>
        {line.severity ? <span className="font-semibold uppercase">{line.severity}</span> : null}
        {source ? <span>{source}</span> : null}
        <span>{line.text.length} characters</span>
        <div className="ml-auto flex gap-1">
          <Button
            onClick={() =>
              void navigator.clipboard.writeText(line.text).then(() => {
                setCopied(true);
                setTimeout(() => setCopied(false), 1500);
              })
            }
          >
            {copied ? "Copied" : "Copy line"}
          </Button>
          <Button onClick={onClose}>Close</Button>
        </div>
      </div>
      <pre
        tabIndex={0}
        role="region"
        aria-label="The whole line"
        className="max-h-64 overflow-auto whitespace-pre-wrap break-all font-mono"
      >
        {pretty ?? line.text}
      </pre>
    </div>
  );
}
