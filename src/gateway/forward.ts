import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { unmapAddress } from '../defend/index.js';
import { BodyRefusedError, restScan } from './body-rest-scan.js';
import { buildClientHeaders, buildUpstreamHeaders } from './forwarding-headers.js';
import { gatewayBody } from './gateway-responses.js';
import { rewriteUpstreamResponse } from './labyrinth/rewrite-upstream-response.js';
import { INSPECT_FAULT_VERDICT } from './phases/decide.js';
import { BodyTooLargeError, bodyShape, upstreamBody } from './request-body.js';
import type { RequestContext } from './request-context.js';
import type { FallbackPage } from './upstream/fallback-page.js';
import type { Upstream, UpstreamTarget } from './upstream-pools.js';

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** How long the rest of a refused body is still read (and dropped) before the connection closes. */
const LINGER_MS = 2000;

/**
 * One request's exchange with its upstream, over every try. undici gets its two callbacks, made once per
 * request, rather than the exchange as its `opaque`: measured, an opaque costs more (in garbage
 * collection) than the two closures.
 */
interface Exchange {
  readonly ctx: RequestContext;
  readonly upstream: Upstream;
  readonly options: Dispatcher.RequestOptions;
  readonly onHeaders: Dispatcher.StreamFactory;
  readonly onEnd: (err: Error | null) => void;
  /** Whether a try that got no answer may be tried again: idempotent, with a body that can be sent again. */
  readonly replayable: boolean;
  /** Monotonic ms when the first try went out. */
  readonly sent: number;
  /** The target of the current (or last) try, and whether that try is its breaker's probe. */
  entry: UpstreamTarget | undefined;
  probe: boolean;
  tries: number;
  /** True once the target of the current try answered with a status. */
  answered: boolean;
  lastError: unknown;
}

/**
 * Answers from the gateway. While the client may still be sending its body, a connection closed on unread
 * bytes is reset, and a client reset while it writes never reads the answer. So the answer goes out whole
 * now, the rest of the body is read and dropped, and the connection closes when the body ends or LINGER_MS
 * pass (a lingering close, as nginx does). `page` replaces the plain-text gateway body.
 */
function answer(
  ctx: RequestContext,
  status: number,
  extraHeaders: Record<string, string> | undefined,
  page?: FallbackPage,
): void {
  const { req, res, requestId } = ctx;
  ctx.origin = 'gateway';
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const lingering = !(req.complete || req.destroyed);
  const body = page?.body ?? gatewayBody(status, requestId);
  res.writeHead(status, {
    'content-type': page === undefined ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    [ctx.snapshot.config.server.requestIdHeader]: requestId,
    ...extraHeaders,
    ...(lingering || status === 413 ? { connection: 'close' } : {}),
  });
  if (!lingering) {
    res.end(body);
    return;
  }
  res.write(body);
  const end = () => {
    clearTimeout(timer);
    if (!res.writableEnded) res.end();
  };
  const timer = setTimeout(end, LINGER_MS);
  req.once('end', end).once('close', end).resume();
}

/** Answers a request whose body is over its limit. */
function refuseBody(ctx: RequestContext): void {
  ctx.error = 'body-too-large';
  answer(ctx, 413, undefined);
}

function isBodyTooLarge(err: unknown): boolean {
  return err instanceof BodyTooLargeError || (err as { cause?: unknown })?.cause instanceof BodyTooLargeError;
}

function isBodyRefused(err: unknown): boolean {
  return err instanceof BodyRefusedError || (err as { cause?: unknown })?.cause instanceof BodyRefusedError;
}

/** The answer to a body whose streamed rest inspection refused: as act answers a block or a fault. */
function refuseRest(ctx: RequestContext): void {
  answer(ctx, ctx.verdict === INSPECT_FAULT_VERDICT ? 503 : 403, undefined);
}

/** True when the client left. A request whose body was read to its end is destroyed too, and still waits. */
function clientGone(ctx: RequestContext): boolean {
  return ctx.res.destroyed || (ctx.req.destroyed && !ctx.req.complete);
}

/** The fallback page, or the gateway's own answer with `status`, when no target answered. */
function answerWithoutTarget(ex: Exchange, status: number, now: number): void {
  const { ctx, upstream } = ex;
  const page = upstream.fallback;
  const code = page?.status ?? status;
  const retryAfter = code === 503 ? { 'retry-after': String(upstream.retryAfterSeconds(now)) } : undefined;
  if (page !== undefined) upstream.counters.fallbacks++;
  answer(ctx, code, retryAfter, page);
}

/** Maps the failure of the last try to the answer the client gets. */
function failForward(ex: Exchange, err: unknown): void {
  const { ctx } = ex;
  ex.upstream.bulkhead.leave();
  if (isBodyTooLarge(err)) {
    refuseBody(ctx);
    return;
  }
  if (isBodyRefused(err)) {
    refuseRest(ctx);
    return;
  }
  if (clientGone(ctx)) {
    ctx.error = 'client-aborted';
    return;
  }
  if (ctx.res.headersSent) {
    // The upstream broke mid-response: the client must see a cut connection, not a short, clean body.
    ctx.error = 'upstream-broken';
    ctx.res.destroy();
    return;
  }
  const timeout = TIMEOUT_CODES.has((err as { code?: string })?.code ?? '');
  ctx.error = timeout ? 'upstream-timeout' : 'upstream-unreachable';
  // An upload the upstream dropped halfway is still arriving: answer drains it, or the connection hangs.
  answerWithoutTarget(ex, timeout ? 504 : 502, performance.now());
}

/** Sends the next try to the target the upstream picks, or answers when none can take it. */
function tryNext(ex: Exchange, now: number): void {
  const entry = ex.upstream.pick(now, ex.entry, ex.replayable);
  if (entry === undefined) {
    if (ex.tries > 0) {
      failForward(ex, ex.lastError);
      return;
    }
    ex.upstream.bulkhead.leave();
    ex.upstream.counters.unavailable++;
    ex.ctx.error = 'upstream-unavailable';
    answerWithoutTarget(ex, 503, now);
    return;
  }
  ex.entry = entry;
  ex.probe = entry.target.enter(now);
  ex.tries++;
  entry.pool.stream(ex.options, ex.onHeaders, ex.onEnd);
}

function retryLater(ex: Exchange): void {
  if (clientGone(ex.ctx)) {
    failForward(ex, ex.lastError);
    return;
  }
  tryNext(ex, performance.now());
}

function onUpstreamHeaders(
  ex: Exchange,
  { statusCode, headers: upstreamHeaders }: Dispatcher.StreamFactoryData,
): Writable {
  const { ctx, upstream } = ex;
  const { res, snapshot } = ctx;
  const now = performance.now();
  ctx.upstreamMs = now - ex.sent;
  ctx.origin = 'upstream';
  ex.answered = true;
  upstream.answered(ex.entry!, statusCode, ex.probe, now);
  const requestIdHeader = snapshot.config.server.requestIdHeader;
  const clientHeaders = buildClientHeaders(
    upstreamHeaders as Record<string, string | string[]>,
    requestIdHeader,
    ctx.requestId,
  );
  const rewrite =
    snapshot.labyrinth === undefined ? undefined : rewriteUpstreamResponse(ctx, statusCode, clientHeaders);
  if (rewrite !== undefined) {
    res.writeHead(rewrite.status, rewrite.headers);
    return rewrite.sink;
  }
  res.writeHead(statusCode, clientHeaders);
  return res;
}

function onExchangeEnd(ex: Exchange, err: Error | null): void {
  const entry = ex.entry!;
  entry.target.leave();
  if (err === null) {
    ex.upstream.bulkhead.leave();
    return;
  }
  ex.lastError = err;
  if (!ex.answered) {
    if (clientGone(ex.ctx) || isBodyTooLarge(err) || isBodyRefused(err)) entry.target.released(ex.probe);
    else {
      const { upstream } = ex;
      const now = performance.now();
      upstream.failed(entry, ex.probe, now);
      if (ex.replayable && upstream.retry.retries(err, ex.tries)) {
        upstream.counters.retries++;
        const wait = upstream.retry.delay(ex.tries);
        if (wait === 0) tryNext(ex, now);
        else setTimeout(retryLater, wait, ex);
        return;
      }
    }
  }
  failForward(ex, err);
}

/**
 * Forwards a request to its route's upstream, streaming both bodies. A try that got no answer is tried
 * again, on another target when there is one, when the upstream's retry policy allows it.
 */
export function forwardRequest(ctx: RequestContext): void {
  const { req, res, route, snapshot } = ctx;
  if (route === undefined) return;
  const shape = bodyShape(req);
  if (shape.kind === 'sized' && shape.bytes > route.maxBodyBytes) {
    refuseBody(ctx);
    return;
  }
  let body: ReturnType<typeof upstreamBody>;
  try {
    body = upstreamBody(req, shape, ctx.bodyPrefix, route.maxBodyBytes, ctx, restScan(ctx));
  } catch {
    refuseBody(ctx);
    return;
  }
  const upstream = route.upstream;
  if (!upstream.bulkhead.tryEnter()) {
    upstream.counters.bulkheadRejections++;
    ctx.error = 'upstream-busy';
    answer(ctx, 503, { 'retry-after': upstream.busyRetryAfter });
    return;
  }
  const server = snapshot.config.server;
  const headers = buildUpstreamHeaders(req.rawHeaders, {
    // The hop that connected to us (a trusted proxy's own address), not the client it speaks for.
    peer: unmapAddress(req.socket.remoteAddress ?? ''),
    peerTrusted: snapshot.trustedProxies.has(req.socket.remoteAddress ?? ''),
    proto: ctx.protocol,
    host: req.headers.host ?? '',
    requestIdHeader: server.requestIdHeader,
    requestId: ctx.requestId,
  });
  const method = req.method ?? 'GET';
  const ex: Exchange = {
    ctx,
    upstream,
    onHeaders: (data) => onUpstreamHeaders(ex, data),
    onEnd: (err) => onExchangeEnd(ex, err),
    // undici takes an EventEmitter as abort signal: the response itself, which act makes emit `abort` when
    // the client leaves early. It spares an AbortController per request.
    options: { path: req.url ?? '/', method, headers, body, signal: res },
    // Only a body held whole in memory can be sent twice; a stream that went out once is gone.
    replayable: upstream.retry.allows(method, body === null || Buffer.isBuffer(body)),
    sent: performance.now(),
    entry: undefined,
    probe: false,
    tries: 0,
    answered: false,
    lastError: undefined,
  };
  tryNext(ex, ex.sent);
}
