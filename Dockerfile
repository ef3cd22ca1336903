# syntax=docker/dockerfile:1
# infinisec container image: `docker build -t infinisec .`
# One image for every role: `start --role gateway`, `start --role control`, or plain `start` (both).
# See docs/deploy.md.

# --- build: compile the TypeScript to dist/ and the dashboard to web/dist -------------------------------
# The full Debian image carries python3, make and g++, so better-sqlite3 can be compiled here if no
# prebuilt binary matches the platform.
FROM node:20.20-bookworm AS build
WORKDIR /src
COPY package.json package-lock.json ./
COPY web/package.json web/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY web web
RUN npm run build

# --- deps: production dependencies only, native addons built for this platform -------------------------
# The dashboard's packages are bundled into web/dist, so the web workspace is left out.
FROM node:20.20-bookworm AS deps
WORKDIR /src
COPY package.json package-lock.json ./
COPY web/package.json web/
RUN npm ci --omit=dev --workspaces=false --no-audit --no-fund

# --- runtime: slim image, no compiler, no dev dependencies, non-root --------------------------------------
# Same Debian release as the stages above, so the native addons find the glibc they were built against.
FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /src/node_modules node_modules
COPY package.json ./
COPY bin bin
COPY --from=build /src/dist dist
COPY --from=build /src/web/dist web/dist
# /var/lib/infinisec is the data dir the deploy configs name (store.dataDir); /app/.infinisec is the default
# one, for a container started without a config file. /etc/infinisec is where the config file is mounted.
RUN mkdir -p /var/lib/infinisec /app/.infinisec /etc/infinisec \
  && chown 1000:1000 /var/lib/infinisec /app/.infinisec \
  && chmod 0700 /var/lib/infinisec /app/.infinisec
# uid 1000 is the image's `node` user; numeric so that Kubernetes can check runAsNonRoot.
USER 1000:1000

# 8080: the data-plane listener (server.listeners); 9090: the control listener (control.port).
EXPOSE 8080 9090

# Liveness on the control listener, with node itself (the slim image has no curl). It follows
# INFINISEC_CONTROL_PORT when that is how the port was changed.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.INFINISEC_CONTROL_PORT || 9090) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# infinisec handles SIGTERM itself: it drains requests in flight (server.timeouts.shutdownMs), then exits.
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "bin/infinisec.js"]
CMD ["start"]
