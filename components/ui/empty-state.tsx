// An empty list that says why it is empty: nothing there, not allowed to see it, or filtered out.
import { Ban, FilterX, Inbox, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

import type { EmptyReason } from "@/lib/client/empty-reason";

export type { EmptyReason };

const ICONS: Record<EmptyReason, LucideIcon> = { none: Inbox, forbidden: Ban, filtered: FilterX };

export function EmptyState({ reason, title, children }: { reason: EmptyReason; title: string; children?: ReactNode }) {
  const Icon = ICONS[reason];
  return (
    <div
      className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-line bg-panel p-6 text-center"
      data-testid={`empty-${reason}`}
    >
      <Icon aria-hidden className="size-6 text-muted" />
      <p className="font-medium">{title}</p>
      {children ? <div className="max-w-prose text-muted">{children}</div> : null}
    </div>
  );
}
