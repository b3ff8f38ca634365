// Whether this instance is on its way out. Set by the shutdown (SIGTERM) handler; /api/ready then
// answers 503, so a load balancer stops sending new requests while open ones finish. On globalThis:
// server.ts sets it, route code (bundled apart by Next) reads it.
const key = Symbol.for("fleetdeck.shuttingDown");

export function markShuttingDown(): void {
  (globalThis as { [key]?: boolean })[key] = true;
}

export function isShuttingDown(): boolean {
  return (globalThis as { [key]?: boolean })[key] === true;
}
