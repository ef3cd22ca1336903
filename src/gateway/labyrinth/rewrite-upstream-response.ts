import { PassThrough, pipeline, Transform, type Writable } from 'node:stream';
import {
  createBrotliCompress,
  createBrotliDecompress,
  createDeflate,
  createGunzip,
  createGzip,
  createInflate,
} from 'node:zlib';
import type { RequestContext } from '../request-context.js';
import { targetPath } from '../target-path.js';
import { injectBeforeBodyEnd } from './inject-before-body-end.js';

type Headers = Record<string, string | string[]>;

/** A rewritten upstream response: what to send the client as headers, and where the upstream body goes. */
export interface Rewrite {
  readonly status: number;
  readonly headers: Headers;
  readonly sink: Writable;
}

// Encodings that can be undone and redone as a stream; anything else is left alone.
const CODECS: Record<string, () => [Transform, Transform]> = {
  identity: () => [new PassThrough(), new PassThrough()],
  gzip: () => [createGunzip(), createGzip()],
  'x-gzip': () => [createGunzip(), createGzip()],
  deflate: () => [createInflate(), createDeflate()],
  br: () => [createBrotliDecompress(), createBrotliCompress()],
};

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Sends the upstream body through `change` into the client's response, decoding and re-encoding it. */
function through(ctx: RequestContext, encoding: string, change: Transform): Writable | undefined {
  const codec = CODECS[encoding];
  if (codec === undefined) return undefined;
  const [decode, encode] = codec();
  pipeline(decode, change, encode, ctx.res, (err) => {
    if (err && !ctx.res.destroyed) ctx.res.destroy();
  });
  return decode;
}

function appendText(text: string): Transform {
  return new Transform({
    transform(chunk, _encoding, callback) {
      callback(null, chunk);
    },
    flush(callback) {
      callback(null, Buffer.from(text));
    },
  });
}

function withoutLength(headers: Headers): Headers {
  const { 'content-length': _length, etag: _etag, ...rest } = headers;
  return rest;
}

/**
 * Trap links for the labyrinth: hidden links put into the upstream's HTML pages (plain, gzip, deflate or
 * brotli, sized or chunked), and the trap prefix disallowed in its robots.txt (or in one of our own when it
 * has none). Verified good bots get the pages untouched. Undefined: pass the response through as it is.
 */
export function rewriteUpstreamResponse(
  ctx: RequestContext,
  status: number,
  headers: Headers,
): Rewrite | undefined {
  const runtime = ctx.snapshot.labyrinth;
  if (runtime === undefined || !runtime.options.trapLinks.enabled || ctx.site === undefined) return undefined;
  const method = ctx.req.method;
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  const path = targetPath(ctx.req.url ?? '/');
  const encoding = one(headers['content-encoding']).trim().toLowerCase() || 'identity';
  const prefix = runtime.options.trapLinks.prefix;
  if (path === '/robots.txt') {
    const rule = `\nUser-agent: *\nDisallow: ${prefix}\n`;
    if (status === 404 || status === 410) {
      const sink = new PassThrough();
      sink.resume();
      sink.once('finish', () => ctx.res.end(method === 'HEAD' ? undefined : rule.trimStart()));
      const requestId = { [ctx.snapshot.config.server.requestIdHeader]: ctx.requestId };
      return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8', ...requestId }, sink };
    }
    if (status !== 200 || method === 'HEAD') return undefined;
    const sink = through(ctx, encoding, appendText(rule));
    return sink === undefined ? undefined : { status, headers: withoutLength(headers), sink };
  }
  if (status !== 200 || method === 'HEAD' || headers['content-range'] !== undefined) return undefined;
  if (!one(headers['content-type']).toLowerCase().startsWith('text/html')) return undefined;
  if (runtime.isGoodBot(ctx.client)) return undefined;
  const html = runtime.trapLinks(ctx.site.name, path);
  const sink = through(ctx, encoding, injectBeforeBodyEnd(html));
  return sink === undefined ? undefined : { status, headers: withoutLength(headers), sink };
}
