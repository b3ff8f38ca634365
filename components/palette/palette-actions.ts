// The palette's words for an item's actions, and running the ones that are API calls.
import { api } from "@/lib/client/api";
import type { PaletteAction, PaletteItem } from "@/lib/search/palette-item";

export function actionLabel(item: PaletteItem, action: PaletteAction): string {
  if (action.kind === "logs") return "Logs";
  if (action.kind === "scale") return `Scale… (now ${action.replicas})`;
  return item.type === "container" ? "Restart" : "Rollout restart";
}

/** Restart (an empty POST) or scale; resolves to what to tell the person. */
export async function runApiAction(item: PaletteItem, action: PaletteAction, replicas?: number): Promise<string> {
  if (action.kind === "restart") {
    await api(action.path, { body: {} });
    return `${item.name}: restart requested`;
  }
  if (action.kind === "scale") {
    await api(action.path, { body: { replicas } });
    return `${item.name}: scaled to ${replicas}`;
  }
  throw new Error(`${action.kind} is not an API call`);
}
