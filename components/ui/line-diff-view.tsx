// Two texts as a line diff (removed lines red, added green), in a scrollable, focusable region.
import { lineDiff } from "@/lib/client/line-diff";

export function LineDiffView({ before, after, label }: { before: string; after: string; label: string }) {
  return (
    <pre
      tabIndex={0}
      role="region"
      aria-label={label}
      className="max-h-[50vh] overflow-auto text-xs"
      data-testid="yaml-diff"
    >
      {lineDiff(before, after).map((line, i) => (
        <div
          key={i}
          className={line.type === "added" ? "bg-ok/15 text-ok" : line.type === "removed" ? "bg-bad/15 text-bad" : ""}
        >
          {line.type === "added" ? "+ " : line.type === "removed" ? "- " : "  "}
          {line.text}
        </div>
      ))}
    </pre>
  );
}
