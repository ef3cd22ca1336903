import { type Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { drain } from './byte-stream.js';

/** What a client got back. */
export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The body as text, up to 1 MiB. */
  readonly body: string;
  /** Every byte of the body, counted. */
  readonly bytes: number;
  readonly socket: Socket;
}

/** How to send a request. */
export interface SendOptions {
  readonly method?: string;
  readonly headers?: Record<string, string | number | string[]>;
  /** A string or buffer is sent with Content-Length; a stream without, so chunked unless a length is set. */
  readonly body?: string | Buffer | Readable;
  /** Default: no agent, a fresh connection closed after the exchange. */
  readonly agent?: Agent | false;
  /** For https: the CA to trust. */
  readonly ca?: string | Buffer;
  readonly timeoutMs?: number;
}

/**
 * Sends one HTTP(S) request with node:http and reads the whole answer.
 * @example const reply = await send(`${gateway.url}/echo`, { method: 'POST', body: 'hi' });
 */
export function send(url: string, options: SendOptions = {}): Promise<Reply> {
  const target = new URL(url);
  const make = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Reply>((resolve, reject) => {
    const req = make(
      target,
      {
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        agent: options.agent ?? false,
        ...(options.ca ? { ca: options.ca } : {}),
        timeout: options.timeoutMs ?? 20_000,
      },
      (res) => {
        const socket = res.socket;
        drain(res).then(
          ({ bytes, kept }) =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: kept.toString('utf8'),
              bytes,
              socket,
            }),
          reject,
        );
      },
    );
    req.once('timeout', () => req.destroy(new Error(`client: no answer from ${url} in time`)));
    req.once('error', reject);
    const body = options.body;
    if (body === undefined) req.end();
    else if (typeof body === 'string' || Buffer.isBuffer(body)) req.end(body);
    else pipeline(body, req).catch(reject);
  });
}

/** Parses a JSON reply body. */
export function json<T>(reply: Reply): T {
  return JSON.parse(reply.body) as T;
}
