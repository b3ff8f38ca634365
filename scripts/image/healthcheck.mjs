// The image's HEALTHCHECK: exits 0 when this container's /api/health answers 200 (the server is up
// and reaches its database), 1 otherwise.
const host = process.env.HOST && !["0.0.0.0", "::"].includes(process.env.HOST) ? process.env.HOST : "127.0.0.1";
const url = `http://${host.includes(":") ? `[${host}]` : host}:${process.env.PORT || 3000}/api/health`;
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(4000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
