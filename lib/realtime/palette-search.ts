// The command palette's searches over the tab's socket: answered with the socket's subject (kept
// current by the access re-check every 2.5 s), so a keystroke costs no sign-in check and no
// request set-up — only the search in memory.
import { searchFleet } from "../search/search-fleet";
import type { RealtimeServer } from "./hub";
import { onEvent } from "./socket-handler";

export function attachPaletteSearch(io: RealtimeServer, log: (message: string) => void): void {
  io.on("connection", (socket) => {
    onEvent(socket, "palette:search", ({ q, limit }) => searchFleet(socket.data.subject, q, limit), log);
  });
}
