"use client";

// A sign-in link shown once, to hand to the person (it is not stored anywhere readable).
import { useState } from "react";
import { Button } from "../ui/button";

export function OneTimeLink({ path, expiresAt }: { path: string; expiresAt: string }) {
  const url = typeof window === "undefined" ? path : `${window.location.origin}${path}`;
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="space-y-2 rounded-md border border-ok bg-panel p-3">
      <p>
        Hand this link to the person; it works once, until {new Date(expiresAt).toLocaleString()}, and is not shown
        again.
      </p>
      <div className="flex gap-2">
        <input
          readOnly
          value={url}
          aria-label="One-time link"
          data-testid="one-time-link"
          className="w-full rounded-md border border-line bg-canvas px-2 py-1 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          onClick={() =>
            void navigator.clipboard.writeText(url).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}
