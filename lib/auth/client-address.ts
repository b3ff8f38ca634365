// server.ts stamps each request with the peer address (dropping any such header sent by the
// client), so that rate limits and the audit log cannot be fooled by a forged header.
export const CLIENT_ADDRESS_HEADER = "x-fleetdeck-client-address";

export function clientAddress(
  headers: { get(name: string): string | null } | Record<string, unknown> | undefined,
): string | null {
  if (!headers) return null;
  if (typeof (headers as { get?: unknown }).get === "function") {
    return (headers as { get(name: string): string | null }).get(CLIENT_ADDRESS_HEADER);
  }
  const value = (headers as Record<string, unknown>)[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" ? value : null;
}
