"use client";

// A token just made: shown this once (only its hash is kept), with a copy button.
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";

export function NewTokenNotice({ token, onDone }: { token: string; onDone(): void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(token);
    setCopied(true);
  };
  return (
    <Alert tone="ok">
      <div className="space-y-2 text-ink">
        <p className="font-medium">Copy your new token now: it will not be shown again.</p>
        <div className="flex flex-wrap items-center gap-2">
          <code className="break-all rounded bg-canvas px-2 py-1 font-mono text-xs" data-testid="new-token">
            {token}
          </code>
          <Button onClick={() => void copy()}>
            {copied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
            {copied ? "Copied" : "Copy token"}
          </Button>
          <Button onClick={onDone}>Done</Button>
        </div>
        <p className="text-xs text-muted">
          Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
        </p>
      </div>
    </Alert>
  );
}
