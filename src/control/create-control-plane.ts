import { createServer, type Server } from 'node:http';
import { can } from './auth/index.js';
import { type AuthService, createAuthService } from './auth-service.js';
import type { ControlDeps } from './control-deps.js';
import { type Authorize, createRouter, type Route, route } from './http/router.js';
import { createLiveStream, type LiveStream } from './live-stream.js';
import { apiDocsPage, openApiDocument } from './openapi.js';
import { auditRoutes } from './routes/audit-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { brainRoutes } from './routes/brain-routes.js';
import { changeRoutes } from './routes/change-routes.js';
import { configRoutes } from './routes/config-routes.js';
import { decisionRoutes } from './routes/decision-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { privacyRoutes } from './routes/privacy-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { systemRoutes } from './routes/system-routes.js';
import { userRoutes } from './routes/user-routes.js';
import { openSigningKeys } from './signing-keys.js';
import { createStaticFiles } from './static-files.js';

/** The control plane: an HTTP server with the API, its docs and the live stream, ready to listen. */
export interface ControlPlane {
  readonly server: Server;
  readonly routes: readonly Route[];
  readonly stream: LiveStream;
  readonly auth: AuthService;
  /** Stops timers and live clients; the caller closes the server. */
  close(): void;
}

// How often signing keys are checked for rotation.
const KEY_CHECK_MS = 60_000;

/** Whether a principal holds a permission, within its role and, for API keys, its scopes. */
export const authorize: Authorize = (principal, permission) =>
  can(principal.role, permission, principal.scopes);

/**
 * Builds the control plane over its dependencies: loads or makes the token signing keys, declares every
 * route with the permission it needs, and serves OpenAPI at /api/openapi.json and a readable page at /api/docs.
 */
export async function createControlPlane(deps: ControlDeps): Promise<ControlPlane> {
  const clock = deps.clock ?? Date.now;
  const keys = await openSigningKeys(deps.stores.secrets, deps.box, clock, {
    rotateEveryMs: deps.options.keyRotateMs,
    keepMs: deps.options.accessTtlSeconds * 1000 + 60_000,
  });
  const keyTimer = setInterval(() => {
    keys.maintain().catch((err: unknown) => deps.log.error({ err }, 'control: signing key rotation failed'));
  }, KEY_CHECK_MS);
  keyTimer.unref();

  const auth = createAuthService({
    users: deps.stores.users,
    apiKeys: deps.stores.apiKeys,
    refreshTokens: deps.stores.refreshTokens,
    secrets: deps.stores.secrets,
    box: deps.box,
    keys,
    audit: deps.audit,
    clock,
    accessTtlSeconds: deps.options.accessTtlSeconds,
    refreshTtlMs: deps.options.refreshTtlMs,
    issuer: 'infinisec',
  });

  const system = deps.options.surface === 'system';
  const api: Route[] = system
    ? systemRoutes(deps)
    : [
        ...systemRoutes(deps),
        ...authRoutes(deps, auth, clock),
        ...eventRoutes(deps, clock),
        ...decisionRoutes(deps, clock),
        ...configRoutes(deps),
        ...changeRoutes(deps.changes, clock),
        ...userRoutes(deps, auth, clock),
        ...auditRoutes(deps),
        ...(deps.reports ? reportRoutes(deps.reports) : []),
        ...(deps.privacy ? privacyRoutes(deps.privacy) : []),
        ...brainRoutes(deps),
      ];
  const routes: Route[] = system
    ? api
    : [
        ...api,
        route({
          method: 'GET',
          path: '/api/openapi.json',
          access: 'public',
          tag: 'docs',
          summary: 'This API as OpenAPI 3.1.',
          handle: () => ({ json: openApiDocument(routes, deps.version) }),
        }),
        route({
          method: 'GET',
          path: '/api/docs',
          access: 'public',
          tag: 'docs',
          summary: 'This API as a page for people.',
          handle: () => ({
            text: apiDocsPage(routes, deps.version),
            contentType: 'text/html; charset=utf-8',
            headers: {
              'content-security-policy':
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
            },
          }),
        }),
      ];

  const handle = createRouter(
    routes,
    auth.authenticate,
    authorize,
    (err, failed) =>
      deps.log.error(
        { err, route: failed ? `${failed.method} ${failed.path}` : undefined },
        'control: handler failed',
      ),
    system ? () => false : createStaticFiles(deps.webRoot),
  );
  const stream = createLiveStream(
    deps.bus,
    auth.authenticate,
    authorize,
    deps.options.streamMaxBufferedBytes,
  );
  const server = createServer(
    { requireHostHeader: true, headersTimeout: 10_000, requestTimeout: 30_000 },
    handle,
  );
  if (system) server.on('upgrade', (_req, socket) => socket.destroy());
  else server.on('upgrade', (req, socket, head) => stream.upgrade(req, socket, head));

  return {
    server,
    routes,
    stream,
    auth,
    close() {
      clearInterval(keyTimer);
      stream.close();
    },
  };
}
