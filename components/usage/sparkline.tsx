// A tiny line of recent values for table cells: plain SVG (dozens of rows cost nothing to draw),
// labelled with the words it stands for.
export function Sparkline({ values, max, label }: { values: (number | null)[]; max?: number; label: string }) {
  const width = 64;
  const height = 18;
  const known = values.filter((v): v is number => v !== null);
  const top = Math.max(max ?? 0, ...known, 1e-9);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const path = values
    .map((v, i) =>
      v === null ? null : `${(i * step).toFixed(1)},${(height - 1 - (v / top) * (height - 2)).toFixed(1)}`,
    )
    .filter(Boolean)
    .join(" ");
  return (
    <svg width={width} height={height} role="img" aria-label={label} className="shrink-0 text-accent">
      <polyline points={path} fill="none" stroke="currentColor" strokeWidth="1.25" />
    </svg>
  );
}
