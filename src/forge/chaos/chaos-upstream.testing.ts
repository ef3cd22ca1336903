import { createServer, request } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type BlastRadius, blastRadiusMatcher } from './blast-radius.js';
import type { FaultKind } from './fault.js';
import { type FaultProxy, startFaultProxy } from './fault-proxy.js';

/** A real upstream on 127.0.0.1 for the chaos tests: what it saw, and how to stop it. */
export interface TestUpstream {
  readonly url: string;
  /** `host path` of every request it got. */
  readonly seen: string[];
  close(): Promise<void>;
}

/**
 * Starts an upstream that answers `/bytes?n=N` with N bytes (`x` repeated) and anything else with
 * `ok <host> <path>`.
 */
export async function startTestUpstream(): Promise<TestUpstream> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    seen.push(`${req.headers.host} ${req.url}`);
    req.resume();
    const url = new URL(req.url ?? '/', 'http://upstream');
    if (url.pathname === '/bytes') {
      const body = Buffer.alloc(Number(url.searchParams.get('n') ?? 0), 'x');
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
      return void res.end(body);
    }
    res.writeHead(200, { 'content-type': 'text/plain', 'x-upstream': 'yes' });
    res.end(`ok ${req.headers.host} ${url.pathname}`);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** What a client got: an answer (perhaps cut short), or only an error. */
export interface Outcome {
  readonly status?: number;
  readonly headers?: Record<string, string | string[] | undefined>;
  readonly body: string;
  /** How many pieces the body came in. */
  readonly pieces: number;
  /** The error code (`ECONNRESET`, `timeout`...) when the exchange did not end cleanly. */
  readonly error?: string;
  readonly ms: number;
}

/** Sends one request on a fresh connection and reports what came back, errors included (never throws). */
export function fetchOutcome(
  url: string,
  options: { readonly host?: string; readonly timeoutMs?: number; readonly method?: string } = {},
): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let status: number | undefined;
    let headers: Outcome['headers'];
    let body = '';
    let pieces = 0;
    let settled = false;
    const done = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        ...(status === undefined ? {} : { status, headers }),
        body,
        pieces,
        ...(error === undefined ? {} : { error }),
        ms: performance.now() - started,
      });
    };
    const req = request(
      url,
      { method: options.method ?? 'GET', agent: false, headers: options.host ? { host: options.host } : {} },
      (res) => {
        status = res.statusCode;
        headers = res.headers;
        res.setEncoding('utf8');
        res.on('data', (text: string) => {
          body += text;
          pieces++;
        });
        res.once('end', () => done());
        res.once('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
        res.once('close', () => done('aborted'));
      },
    );
    const timer = setTimeout(() => {
      done('timeout');
      req.destroy();
    }, options.timeoutMs ?? 5000);
    req.once('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
    req.end();
  });
}

/** An upstream and a fault proxy in front of it, with one fault of `kind` armed for `radius`. */
export async function proxyWith<Options>(
  kind: FaultKind,
  options: Options,
  radius: Partial<BlastRadius> = {},
): Promise<{ upstream: TestUpstream; proxy: FaultProxy; close(): Promise<void> }> {
  const upstream = await startTestUpstream();
  const proxy = await startFaultProxy({ listen: { host: '127.0.0.1', port: 0 }, upstream: upstream.url });
  const parsed = kind.options.parse(options);
  proxy.arm({
    id: 'under-test#1',
    name: 'under-test',
    inScope: blastRadiusMatcher({ percent: 100, ...radius }, 7),
    fault: kind.create(parsed, Math.random),
  });
  return {
    upstream,
    proxy,
    close: async () => {
      await proxy.close();
      await upstream.close();
    },
  };
}
