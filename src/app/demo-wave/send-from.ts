import { type IncomingHttpHeaders, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** A request of the wave. */
export interface Outgoing {
  readonly method: string;
  /** Path and query, encoded. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** What came back, and how fast. */
export interface Exchange {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The gateway's request id (`x-request-id`), or ''. */
  readonly requestId: string;
  /** Milliseconds from sending to the response head. */
  readonly headMs: number;
  /** Milliseconds from sending to the last byte of the body. */
  readonly totalMs: number;
}

/** Where the gateway listens. */
export interface Target {
  readonly host: string;
  readonly port: number;
}

// Bodies the wave reads at most: maze pages are a few KB.
const MAX_BODY = 1 << 20;

/**
 * Sends one request on a fresh connection whose socket is bound to `from` (a loopback address), so the
 * gateway sees that address as the client. Rejects on a network error or after `timeoutMs`.
 * @example await sendFrom({ host: '127.0.0.1', port }, '127.0.0.4', { method: 'GET', path: '/.env' })
 */
export function sendFrom(
  target: Target,
  from: string,
  outgoing: Outgoing,
  timeoutMs = 15_000,
): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const body = outgoing.body === undefined ? undefined : Buffer.from(outgoing.body);
    const req = request(
      {
        host: target.host,
        port: target.port,
        method: outgoing.method,
        path: outgoing.path,
        localAddress: from,
        agent: false,
        headers: {
          host: `localhost:${target.port}`,
          ...outgoing.headers,
          ...(body === undefined ? {} : { 'content-length': String(body.length) }),
        },
      },
      (res) => {
        const headMs = performance.now() - started;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_BODY) chunks.push(chunk);
          size += chunk.length;
        });
        res.once('error', reject);
        res.once('end', () => {
          const id = res.headers['x-request-id'];
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            requestId: typeof id === 'string' ? id : '',
            headMs,
            totalMs: performance.now() - started,
          });
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.once('error', reject);
    req.end(body);
  });
}
