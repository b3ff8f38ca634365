# Fleetdeck's production image (README: "Run it as a container"). Three stages: dependencies,
# build (`next build` with standalone output, then scripts/image/assemble-standalone.ts), and the
# runtime: the standalone directory only — our server bundled, the node_modules it and Next's
# bundles load, no devDependencies, no source maps — run as an unprivileged user.
# BASE_IMAGE is any Node.js 20+ image on glibc; scripts/image/build-base-image.sh makes one without
# a registry. DATABASE_URL is required at run time: the image has no embedded PostgreSQL.
ARG BASE_IMAGE=node:20-bookworm-slim

FROM ${BASE_IMAGE} AS dependencies
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
COPY package.json package-lock.json ./
# No install scripts: none is needed, and some would download engines (Prisma's) or compile.
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM dependencies AS build
COPY . .
RUN node scripts/db/generate-client.mjs \
 && FLEETDECK_STANDALONE_BUILD=1 npx next build \
 && npx tsx scripts/image/assemble-standalone.ts

FROM ${BASE_IMAGE}
WORKDIR /app
# Owned by root: the server cannot change its own code. Its only writable place is /data.
COPY --from=build /app/.next/standalone ./
RUN mkdir -p /data && chown 1000:1000 /data
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
# Numeric, so Kubernetes' runAsNonRoot can check it.
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "healthcheck.mjs"]
CMD ["node", "server.mjs"]
