import type { RequestSample } from '../../core/index.js';
import type { RequestContext } from '../request-context.js';
import { redactHeader, redactJson, redactUrlencoded } from './redact.js';

/** What the sampler keeps of a request. */
export interface SampleOptions {
  /** Share of allowed requests taken; every request that was not allowed is taken. */
  readonly rate: number;
  readonly bodyBytes: number;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

function redactBody(body: Uint8Array, contentType: string): Buffer {
  const type = contentType.toLowerCase();
  if (type.includes('application/x-www-form-urlencoded'))
    return Buffer.from(redactUrlencoded(decoder.decode(body)), 'utf8');
  if (type.includes('json')) return Buffer.from(redactJson(decoder.decode(body)), 'utf8');
  return Buffer.from(body);
}

function redactTarget(target: string): string {
  const q = target.indexOf('?');
  return q < 0 ? target : `${target.slice(0, q)}?${redactUrlencoded(target.slice(q + 1))}`;
}

// An absolute-form target (`http://host/p?q`) as the origin form the site sees (`/p?q`).
function originForm(target: string): string {
  if (target.startsWith('/')) return target;
  try {
    const url = new URL(target);
    return `${url.pathname}${url.search}`;
  } catch {
    return '/';
  }
}

/** Whether this request goes into the sample: always when it was not allowed, else at `rate`. */
export function wantsSample(ctx: RequestContext, options: SampleOptions, random: () => number): boolean {
  return ctx.verdict.action !== 'allow' || random() < options.rate;
}

/** The request as the sample keeps it: redacted, its body cut to `bodyBytes`. */
export function takeSample(ctx: RequestContext, options: SampleOptions): RequestSample {
  const { req } = ctx;
  const headers: [string, string][] = [];
  let contentType = '';
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (name === 'content-type') contentType = raw[i + 1]!;
    headers.push([name, redactHeader(name, raw[i + 1]!)]);
  }
  const body = ctx.view?.body;
  const kept =
    body !== undefined && body.byteLength > 0 && options.bodyBytes > 0
      ? redactBody(body.subarray(0, options.bodyBytes), contentType).toString('base64')
      : null;
  const target = req.url ?? '/';
  return {
    id: ctx.requestId,
    time: ctx.time,
    site: ctx.site?.name ?? '',
    ip: ctx.client.ip,
    method: req.method ?? 'GET',
    target: redactTarget(originForm(target)),
    host: req.headers.host ?? '',
    headers,
    httpVersion: req.httpVersion,
    protocol: ctx.protocol,
    body: kept,
    action: ctx.verdict.action,
  };
}
