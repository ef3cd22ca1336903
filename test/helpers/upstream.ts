import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { byteSource, drain } from './byte-stream.js';

/** A request as the upstream saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

/** What the default route answers: the request as received, so a test can check what the gateway sent. */
export interface EchoReply extends SeenRequest {
  readonly upstream: string;
  readonly bodyBytes: number;
  /** The body as text, up to 64 KiB. */
  readonly body: string;
}

/** A real HTTP server on 127.0.0.1 and a free port, standing in for the application behind the gateway. */
export interface Upstream {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  readonly seen: SeenRequest[];
  /** TCP connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

function query(req: IncomingMessage, name: string): string | null {
  return new URL(req.url ?? '/', 'http://upstream').searchParams.get(name);
}

/**
 * Starts an upstream. Every answer carries `x-upstream: <name>`. Routes:
 * - `/bytes?n=N[&chunked=1]`: N bytes, made on the fly, with Content-Length unless chunked;
 * - `/slow?ms=N`: answers after N ms;
 * - `/chunks`: three chunks 20 ms apart, no Content-Length;
 * - `/hop`: an answer carrying hop-by-hop headers;
 * - `/status?code=N`: an empty answer with status N (a 404 for a scanner's probe, a 401 for a failed login);
 * - anything else: reads the whole body and answers JSON describing the request (EchoReply).
 */
export async function startUpstream(name = 'upstream'): Promise<Upstream> {
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let connections = 0;
  const server = createServer({ keepAliveTimeout: 10_000 }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    res.setHeader('x-upstream', name);
    const fail = () => res.destroy();
    if (path === '/status') {
      req.resume();
      res.writeHead(Number(query(req, 'code') ?? 200), { 'content-length': 0 });
      res.end();
      return;
    }
    if (path === '/bytes') {
      const n = Number(query(req, 'n') ?? 0);
      if (query(req, 'chunked') === null) res.setHeader('content-length', n);
      res.setHeader('content-type', 'application/octet-stream');
      req.resume();
      pipeline(byteSource(n), res).catch(fail);
      return;
    }
    if (path === '/slow') {
      req.resume();
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          res.end('slow done');
        },
        Number(query(req, 'ms') ?? 1000),
      );
      timers.add(timer);
      res.once('close', () => clearTimeout(timer));
      return;
    }
    if (path === '/chunks') {
      req.resume();
      const parts = ['one,', 'two,', 'three'];
      const next = () => {
        const part = parts.shift();
        if (part === undefined) return void res.end();
        res.write(part);
        const timer = setTimeout(next, 20);
        timers.add(timer);
      };
      next();
      return;
    }
    if (path === '/hop') {
      req.resume();
      res.writeHead(200, {
        connection: 'keep-alive, x-upstream-hop',
        'x-upstream-hop': 'must not reach the client',
        'keep-alive': 'timeout=99',
        'proxy-authenticate': 'Basic realm="upstream"',
        'x-end-to-end': 'kept',
        'content-length': 2,
      });
      res.end('ok');
      return;
    }
    drain(req, 64 * 1024).then(({ bytes, kept }) => {
      const reply: EchoReply = {
        upstream: name,
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        bodyBytes: bytes,
        body: kept.toString('utf8'),
      };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(reply));
    }, fail);
  });
  server.on('connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    seen,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/**
 * A port on 127.0.0.1 where a connection is refused for the whole run: port 1 is privileged and assigned to
 * no service a test machine runs, so unlike a closed ephemeral port no other test's server can take it.
 */
export const REFUSED_PORT = 1;

/** A free port on 127.0.0.1 (bound, then closed), for a test that starts its own server there later. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
