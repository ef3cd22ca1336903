import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Config } from '../config/index.js';
import {
  ALLOW_VERDICT,
  type EventBus,
  type Log,
  type Topics,
  timeOrderedId,
  type Verdict,
} from '../core/index.js';
import { type DecisionTable, type SharedCounters, unmapAddress } from '../defend/index.js';
import type { Inspector } from '../inspect/index.js';
import { canAnswer, clientErrorStatus } from './client-error.js';
import { createLadderCache, createRateLimiterCache, createScenarioEngineCache } from './defend-caches.js';
import { rawGatewayResponse, sendGatewayResponse } from './gateway-responses.js';
import { compileSnapshot, type GatewaySnapshot } from './gateway-snapshot.js';
import { createLabyrinthState } from './labyrinth/labyrinth-state.js';
import { applyServerSettings, createListenerServer, type ListenerAddress, listen } from './listener.js';
import { feedClientError } from './phases/feed-defence.js';
import {
  actPhase,
  createEmitPhase,
  decidePhase,
  decisionsPhase,
  INSPECT_FAULT_REASON,
  identifyPhase,
  inspectPhase,
  securityEventOf,
} from './phases/index.js';
import { type Phase, type Phases, runPipeline } from './pipeline.js';
import type { RequestContext } from './request-context.js';
import { createUpstreamPools, type UpstreamStats } from './upstream-pools.js';
import { openTunnel } from './websocket-tunnel.js';

/** What the data plane needs from the rest of the application. */
export interface GatewayDeps {
  readonly bus: EventBus<Topics>;
  /** Builds the inspector for a configuration (analyzers, limits, budget); called at start and on reload. */
  readonly inspectorFor: (config: Config) => Inspector;
  readonly log: Log;
  /** The maze's key when `labyrinth.secret` is not set (kept in the data dir by the app); random if absent. */
  readonly labyrinthSecret?: string;
  /** Rate-limit counters shared with the other gateways of a cluster; absent: this process counts alone. */
  readonly sharedCounters?: SharedCounters;
}

/** What the gateway's resilience did and where its targets stand, for metrics and tests. */
export interface ResilienceStats extends UpstreamStats {
  /** Requests whose inspection failed, by the fail mode that applied. */
  readonly inspectionFailures: { readonly open: number; readonly closed: number };
}

/** The data plane: listeners, the request pipeline and the upstream pools. */
export interface Gateway {
  /** Opens every listener; rejects (and closes what it opened) if one cannot be bound. */
  start(): Promise<ListenerAddress[]>;
  /** Swaps in a new configuration for the next requests; throws and keeps the old one if it cannot compile. */
  apply(config: Config): { version: number; restartNeeded: string[] };
  /** Stops accepting, lets requests in flight finish (up to server.timeouts.shutdownMs), then closes. */
  stop(): Promise<void>;
  readonly snapshot: GatewaySnapshot;
  readonly inFlight: number;
  readonly draining: boolean;
  /** Decisions made at run time or loaded from the store, looked up after the configured ones. */
  readonly decisions: DecisionTable;
  /** Target health, breakers and ejections, and counts of retries, refusals and fallback answers. */
  resilience(): ResilienceStats;
}

const REQUEST_ID = /^[\w.:@-]{1,128}$/;

/** The verdict of a request refused because its inspection failed (fail mode closed); act answers 503. */
const INSPECT_FAULT_VERDICT: Verdict = Object.freeze({
  score: 0,
  findings: [],
  action: 'block',
  reason: INSPECT_FAULT_REASON,
  publicReason: 'unavailable',
});

/** Settings that only take effect when a listener is created. */
function restartOnly(config: Config): string {
  return JSON.stringify([config.server.listeners, config.server.limits.maxHeaderBytes]);
}

/**
 * Creates the gateway for a validated configuration.
 * @example const gateway = createGateway(config, { bus, inspector: createInspector([]), log });
 */
export function createGateway(initial: Config, deps: GatewayDeps): Gateway {
  const pools = createUpstreamPools();
  const labyrinth = createLabyrinthState(
    initial,
    deps.bus,
    deps.labyrinthSecret ?? randomBytes(32).toString('base64url'),
  );
  const defendFor = {
    rateLimiter: createRateLimiterCache(deps.sharedCounters),
    scenarios: createScenarioEngineCache(),
    ladder: createLadderCache(),
  };
  let snapshot = compileSnapshot(initial, 1, pools, deps.inspectorFor, labyrinth, defendFor);
  void pools.commit();
  const servers: { server: Server; protocol: 'http' | 'https' }[] = [];
  const tunnels = new Set<Socket>();
  let inFlight = 0;
  let draining = false;
  let onIdle: (() => void) | undefined;

  const inspectionFailures = { open: 0, closed: 0 };
  /**
   * Applies the fail mode to a request whose inspection failed: an analyzer fault the phase caught, or the
   * phase itself throwing. Open forwards it uninspected; closed refuses it with 503.
   */
  const inspectionFailed = (ctx: RequestContext, thrown?: unknown) => {
    const config = ctx.snapshot.config;
    const mode = config.inspect.failMode ?? config.defend.failMode;
    inspectionFailures[mode]++;
    // Logged here, once, with the mode that applied (not again among the request's faults).
    const err = thrown ?? ctx.faults.pop();
    deps.log.warn(
      { requestId: ctx.requestId, err, failMode: mode },
      mode === 'open'
        ? 'gateway: inspection failed, request forwarded uninspected'
        : 'gateway: inspection failed, request refused',
    );
    if (mode === 'closed') {
      ctx.error = 'inspect-fault';
      ctx.verdict = INSPECT_FAULT_VERDICT;
    } else ctx.error = 'inspect-fault-open';
  };
  const inspect: Phase = (ctx) => {
    let pending: void | Promise<void>;
    try {
      pending = inspectPhase(ctx);
    } catch (err) {
      inspectionFailed(ctx, err);
      return;
    }
    if (pending === undefined) {
      if (ctx.error === 'inspect-fault') inspectionFailed(ctx);
      return;
    }
    return pending.then(
      () => {
        if (ctx.error === 'inspect-fault') inspectionFailed(ctx);
      },
      (err: unknown) => inspectionFailed(ctx, err),
    );
  };

  const phases: Phases = {
    identify: identifyPhase,
    decisions: decisionsPhase,
    inspect,
    decide: decidePhase,
    act: actPhase,
    emit: createEmitPhase(deps.bus),
  };

  const settle = () => {
    inFlight--;
    if (inFlight === 0 && tunnels.size === 0) onIdle?.();
  };

  const onFault = (ctx: RequestContext, err: unknown) => {
    deps.log.error({ err, requestId: ctx.requestId }, 'gateway: request pipeline fault');
    ctx.error ||= 'gateway-fault';
    if (!ctx.res.headersSent) {
      ctx.origin = 'gateway';
      sendGatewayResponse(ctx.res, 500, ctx.snapshot.config.server.requestIdHeader, ctx.requestId);
    } else ctx.res.destroy();
  };

  const createContext = (req: IncomingMessage, res: ServerResponse, protocol: 'http' | 'https') => {
    const snap = snapshot;
    const header = snap.config.server.requestIdHeader;
    const incoming = req.headers[header];
    const fromProxy = typeof incoming === 'string' && snap.trustedProxies.has(req.socket.remoteAddress ?? '');
    const requestId = fromProxy && REQUEST_ID.test(incoming) ? incoming : timeOrderedId();
    const site = snap.sites.match(req.headers.host ?? '');
    const ctx: RequestContext = {
      req,
      res,
      snapshot: snap,
      requestId,
      protocol,
      time: Date.now(),
      started: performance.now(),
      site,
      route: site?.resolve(req.url ?? '/'),
      client: { ip: '', prefix: '', fingerprint: '', userAgent: '' },
      view: undefined,
      decision: undefined,
      intruder: undefined,
      rateLimit: undefined,
      storeDown: false,
      challengeAnswer: false,
      findings: ALLOW_VERDICT.findings,
      verdict: ALLOW_VERDICT,
      bodyPrefix: undefined,
      overLimits: [],
      overBudget: false,
      inspectMs: 0,
      upstreamMs: null,
      bodyBytes: 0,
      origin: 'gateway',
      error: '',
      faults: [],
      socketBytesAtStart: req.socket.bytesWritten,
    };
    return ctx;
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse, protocol: 'http' | 'https') => {
    inFlight++;
    res.once('close', settle);
    if (draining) res.setHeader('connection', 'close');
    const ctx = createContext(req, res, protocol);
    runPipeline(phases, ctx, onFault);
    if (ctx.faults.length > 0)
      deps.log.warn({ requestId: ctx.requestId, err: ctx.faults[0] }, 'gateway: fault');
  };

  const onUpgrade = (req: IncomingMessage, socket: Socket, head: Buffer, protocol: 'http' | 'https') => {
    socket.on('error', () => socket.destroy());
    const ctx = createContext(
      req,
      { destroy: () => socket.destroy() } as unknown as ServerResponse,
      protocol,
    );
    identifyPhase(ctx);
    decisionsPhase(ctx);
    const pending = inspect(ctx);
    if (pending === undefined) tunnel(ctx, socket, head);
    else void pending.then(() => tunnel(ctx, socket, head));
  };

  const tunnel = (ctx: RequestContext, socket: Socket, head: Buffer) => {
    decidePhase(ctx);
    const header = snapshot.config.server.requestIdHeader;
    const emit = (status: number) =>
      deps.bus.publish('security.event', {
        ...securityEventOf(ctx),
        response: {
          status,
          bytes: 0,
          upstreamMs: null,
          origin: ctx.origin,
          ...(ctx.error ? { error: ctx.error } : {}),
        },
      });
    if (socket.destroyed) return;
    if (
      ctx.site === undefined ||
      (ctx.verdict.action !== 'allow' && ctx.verdict.action !== 'log') ||
      draining
    ) {
      const status =
        ctx.site === undefined ? 421 : draining || ctx.verdict.reason === INSPECT_FAULT_REASON ? 503 : 403;
      socket.end(
        rawGatewayResponse(status, ctx.requestId).replace('\r\n', `\r\n${header}: ${ctx.requestId}\r\n`),
      );
      emit(status);
      return;
    }
    ctx.origin = 'upstream';
    void openTunnel(ctx, socket, head, tunnels).then(({ status, error }) => {
      ctx.error = error;
      emit(status);
      if (inFlight === 0 && tunnels.size === 0) onIdle?.();
    });
  };

  const onClientError = (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !canAnswer(socket)) {
      socket.destroy();
      return;
    }
    const { status, reason } = clientErrorStatus(err.code);
    const requestId = timeOrderedId();
    socket.end(rawGatewayResponse(status, requestId));
    deps.bus.publish('security.event', {
      id: requestId,
      time: Date.now(),
      requestId,
      site: '',
      client: {
        ip: socket.remoteAddress ?? '',
        prefix: socket.remoteAddress ?? '',
        fingerprint: '',
        userAgent: '',
      },
      request: { method: '', host: '', path: '', bodyBytes: 0, headerBytes: 0 },
      verdict: { ...ALLOW_VERDICT, action: 'block', reason, publicReason: 'bad request' },
      response: { status, bytes: 0, upstreamMs: null, origin: 'gateway', error: err.code ?? 'client-error' },
      timings: { totalMs: 0, inspectMs: 0 },
    });
    feedClientError(snapshot, deps.bus, unmapAddress(socket.remoteAddress ?? ''), status);
  };

  return {
    get snapshot() {
      return snapshot;
    },
    get inFlight() {
      return inFlight;
    },
    decisions: labyrinth.decisions,
    resilience() {
      return { ...pools.stats(performance.now()), inspectionFailures: { ...inspectionFailures } };
    },
    get draining() {
      return draining;
    },
    async start() {
      const addresses: ListenerAddress[] = [];
      try {
        for (const listener of snapshot.config.server.listeners) {
          const server = createListenerServer(listener, snapshot.config);
          const protocol = listener.tls ? 'https' : 'http';
          server.on('request', (req, res) => onRequest(req, res, protocol));
          server.on('upgrade', (req, socket, head) => onUpgrade(req, socket as Socket, head, protocol));
          server.on('clientError', onClientError);
          server.on('connect', (_req, socket: Socket) =>
            socket.end(rawGatewayResponse(405, timeOrderedId())),
          );
          servers.push({ server, protocol });
          addresses.push(await listen(server, listener));
        }
      } catch (err) {
        for (const { server } of servers.splice(0)) server.close();
        throw err;
      }
      return addresses;
    },
    apply(config) {
      const previous = snapshot;
      let next: GatewaySnapshot;
      try {
        next = compileSnapshot(config, previous.version + 1, pools, deps.inspectorFor, labyrinth, defendFor);
      } catch (err) {
        pools.abandon();
        throw err;
      }
      snapshot = next;
      labyrinth.configure(config);
      void pools.commit();
      for (const { server } of servers) applyServerSettings(server, config);
      const restartNeeded =
        restartOnly(config) === restartOnly(previous.config)
          ? []
          : ['server.listeners and server.limits.maxHeaderBytes take effect at the next start'];
      return { version: next.version, restartNeeded };
    },
    async stop() {
      draining = true;
      // Held maze answers end now rather than keep the shutdown waiting.
      labyrinth.tarpit.close();
      const shutdownMs = snapshot.config.server.timeouts.shutdownMs;
      const closed = servers.map(
        ({ server }) => new Promise<void>((resolve) => server.close(() => resolve())),
      );
      for (const { server } of servers) server.closeIdleConnections();
      if (inFlight > 0 || tunnels.size > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, shutdownMs);
          onIdle = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      for (const { server } of servers) server.closeAllConnections();
      for (const socket of tunnels) socket.destroy();
      await Promise.all(closed);
      await pools.close(1000);
      servers.length = 0;
    },
  };
}
