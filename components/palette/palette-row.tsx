// One found object in the palette: its type, name, where it is, and a short state.
import type { PaletteItem } from "@/lib/search/palette-item";

export function PaletteRow({ item }: { item: PaletteItem }) {
  return (
    <span className="flex min-w-0 flex-1 items-center gap-3">
      <span className="w-28 shrink-0 truncate text-xs text-muted">{item.label}</span>
      <span className="min-w-0 truncate font-medium">{item.name}</span>
      {item.namespace ? <span className="shrink-0 truncate text-xs text-muted">ns {item.namespace}</span> : null}
      <span className="ml-auto shrink-0 truncate text-xs text-muted">
        {item.detail ? `${item.detail} · ` : ""}
        {item.endpointName}
      </span>
    </span>
  );
}
