// Opens the command palette from anywhere (a header button, say) without importing its component.
export const OPEN_PALETTE_EVENT = "fleetdeck:open-command-palette";

export function openCommandPalette(): void {
  window.dispatchEvent(new Event(OPEN_PALETTE_EVENT));
}
