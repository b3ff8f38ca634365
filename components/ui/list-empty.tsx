// The line a list shows when it is empty, saying which of the three reasons it is.
import { EmptyState, type EmptyReason } from "./empty-state";

export function ListEmpty({
  reason,
  things,
  where = "",
  total,
}: {
  reason: EmptyReason;
  /** What the list holds, in the plural ("containers"). */
  things: string;
  where?: string;
  total: number;
}) {
  const at = where ? ` ${where}` : "";
  if (reason === "forbidden")
    return (
      <EmptyState reason="forbidden" title={`You may not list ${things}${at}`}>
        Your access, or the endpoint&apos;s own credentials, do not allow it (the reason is above).
      </EmptyState>
    );
  if (reason === "filtered")
    return <EmptyState reason="filtered" title={`None of the ${total} ${things} match the filters`} />;
  return <EmptyState reason="none" title={`No ${things}${at}`} />;
}
