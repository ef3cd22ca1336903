import { performance } from 'node:perf_hooks';
import { unmapAddress } from '../defend/index.js';
import { buildClientHeaders, buildUpstreamHeaders } from './forwarding-headers.js';
import { gatewayBody, sendGatewayResponse } from './gateway-responses.js';
import { rewriteUpstreamResponse } from './labyrinth/rewrite-upstream-response.js';
import { BodyTooLargeError, bodyShape, upstreamBody } from './request-body.js';
import type { RequestContext } from './request-context.js';

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** How long the rest of a refused body is still read (and dropped) before the connection closes. */
const LINGER_MS = 2000;

/**
 * Answers from the gateway while the client may still be sending its body. A connection closed on unread
 * bytes is reset, and a client reset while it writes never reads the answer. So the answer goes out whole
 * now, the rest of the body is read and dropped, and the connection closes when the body ends or LINGER_MS
 * pass (a lingering close, as nginx does).
 */
function answerAndLinger(ctx: RequestContext, status: number): void {
  const { req, res, requestId } = ctx;
  const header = ctx.snapshot.config.server.requestIdHeader;
  ctx.origin = 'gateway';
  if (res.headersSent || req.complete || req.destroyed) {
    sendGatewayResponse(res, status, header, requestId, status === 413 ? { connection: 'close' } : {});
    return;
  }
  const body = gatewayBody(status, requestId);
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    [header]: requestId,
    connection: 'close',
  });
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
  answerAndLinger(ctx, 413);
}

/** Maps a failed upstream exchange to the answer the client gets. */
function failForward(ctx: RequestContext, err: unknown): void {
  const { res } = ctx;
  if (err instanceof BodyTooLargeError || (err as { cause?: unknown })?.cause instanceof BodyTooLargeError) {
    refuseBody(ctx);
    return;
  }
  if (res.destroyed || ctx.req.destroyed) {
    ctx.error = 'client-aborted';
    return;
  }
  if (res.headersSent) {
    // The upstream broke mid-response: the client must see a cut connection, not a short, clean body.
    ctx.error = 'upstream-broken';
    res.destroy();
    return;
  }
  const code = (err as { code?: string })?.code ?? '';
  const timeout = TIMEOUT_CODES.has(code);
  ctx.error = timeout ? 'upstream-timeout' : 'upstream-unreachable';
  // An upload the upstream dropped halfway is still arriving: drain it, or the connection hangs.
  answerAndLinger(ctx, timeout ? 504 : 502);
}

/** Forwards a request to its route's upstream, streaming both bodies. */
export function forwardRequest(ctx: RequestContext): void {
  const { req, res, route, snapshot } = ctx;
  if (route === undefined) return;
  const shape = bodyShape(req);
  if (shape.kind === 'sized' && shape.bytes > route.maxBodyBytes) {
    refuseBody(ctx);
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
  let body: ReturnType<typeof upstreamBody>;
  try {
    body = upstreamBody(req, shape, ctx.bodyPrefix, route.maxBodyBytes, ctx);
  } catch {
    refuseBody(ctx);
    return;
  }
  const sent = performance.now();
  route.upstream
    .pick()
    .stream(
      // undici takes an EventEmitter as abort signal: the response itself, which act makes emit `abort` when
      // the client leaves early. It spares an AbortController per request.
      { path: req.url ?? '/', method: req.method ?? 'GET', headers, body, signal: res },
      ({ statusCode, headers: upstreamHeaders }) => {
        ctx.upstreamMs = performance.now() - sent;
        ctx.origin = 'upstream';
        const clientHeaders = buildClientHeaders(
          upstreamHeaders as Record<string, string | string[]>,
          server.requestIdHeader,
          ctx.requestId,
        );
        const rewrite =
          snapshot.labyrinth === undefined
            ? undefined
            : rewriteUpstreamResponse(ctx, statusCode, clientHeaders);
        if (rewrite !== undefined) {
          res.writeHead(rewrite.status, rewrite.headers);
          return rewrite.sink;
        }
        res.writeHead(statusCode, clientHeaders);
        return res;
      },
    )
    .catch((err: unknown) => failForward(ctx, err));
}
