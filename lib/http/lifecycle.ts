// Whether this instance is shutting down (SIGTERM received): readiness then fails so the load
// balancer stops sending new work while open requests finish. Kept on globalThis because route
// bundles and server.ts are separate module graphs.
const key = Symbol.for("fleetdeck.shuttingDown");
type Holder = { [key]?: boolean };

export function markShuttingDown(): void {
  (globalThis as Holder)[key] = true;
}

export function isShuttingDown(): boolean {
  return (globalThis as Holder)[key] === true;
}
