// Draws one cell of a listed Docker kind's table from its data (lib/docker/kinds/kind.ts `Cell`).
import type { Cell } from "@/lib/docker/kinds/kind";
import { formatAgo, formatBytes } from "@/lib/client/format";

export function ResourceCell({ cell }: { cell: Cell }) {
  if (typeof cell === "string") return cell;
  if ("code" in cell) return <code className="text-xs">{cell.code}</code>;
  if ("muted" in cell) return <span className="text-muted">{cell.muted}</span>;
  if ("bytes" in cell) return formatBytes(cell.bytes);
  // The server's clock and the browser's differ by the page's trip: only this text may.
  return <span suppressHydrationWarning>{formatAgo(cell.time)}</span>;
}
