import { once } from 'node:events';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange } from './raw-exchange.js';
import { canSendFromLoopbackRange, createSourceAddresses } from './source-addresses.js';

const GET = (path: string) => Buffer.from(`GET ${path} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n`);

describe('exchange', () => {
  let http: HttpServer;
  let raw: Server;
  let httpPort: number;
  let rawPort: number;
  const peers: string[] = [];
  const held: Socket[] = [];

  beforeAll(async () => {
    http = createHttpServer((req, res) => {
      peers.push(req.socket.remoteAddress ?? '');
      if (req.url === '/chunked') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('hello ');
        setImmediate(() => res.end('world'));
      } else if (req.url === '/drip') {
        // A head at once, a body that never comes: what a tarpit looks like.
        res.writeHead(200, { 'x-robots-tag': 'noindex, nofollow', 'content-length': 1000 });
        res.write('x');
      } else if (req.url === '/big') {
        res.end('y'.repeat(200_000));
      } else {
        res.end('sized');
      }
    });
    raw = createServer((socket) => {
      socket.once('data', (data) => {
        const line = data.toString('latin1').split('\r\n')[0] ?? '';
        if (line.includes('/close')) socket.destroy();
        else if (line.includes('/unframed'))
          socket.end('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil close');
        else if (line.includes('/continue'))
          socket.end('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok');
        else held.push(socket); // never answers
      });
    });
    http.listen(0, '127.0.0.1');
    raw.listen(0, '127.0.0.1');
    await Promise.all([once(http, 'listening'), once(raw, 'listening')]);
    httpPort = (http.address() as AddressInfo).port;
    rawPort = (raw.address() as AddressInfo).port;
  });

  afterAll(async () => {
    for (const socket of held) socket.destroy();
    http.closeAllConnections();
    await Promise.all([new Promise((r) => http.close(r)), new Promise((r) => raw.close(r))]);
  });

  const at = (port: number) => ({ address: '127.0.0.1', port });

  it('reads sized, chunked and close-delimited bodies to their end', async () => {
    const sized = await exchange(at(httpPort), GET('/'), { timeoutMs: 5000 });
    expect(sized).toMatchObject({ ending: 'complete', head: { status: 200 } });
    expect(sized.body.toString()).toBe('sized');
    const chunked = await exchange(at(httpPort), GET('/chunked'), { timeoutMs: 5000 });
    expect(chunked.ending).toBe('complete');
    expect(chunked.body.toString()).toBe('hello world');
    const unframed = await exchange(at(rawPort), GET('/unframed'), { timeoutMs: 5000 });
    expect(unframed.ending).toBe('complete');
    expect(unframed.body.toString()).toBe('until close');
  });

  it('skips an interim 100 Continue', async () => {
    const reply = await exchange(at(rawPort), GET('/continue'), { timeoutMs: 5000 });
    expect(reply.head?.status).toBe(201);
    expect(reply.body.toString()).toBe('ok');
  });

  it('stops at a head that decides, and at the body limit', async () => {
    const drip = await exchange(at(httpPort), GET('/drip'), {
      timeoutMs: 5000,
      stopAtHead: (head) => head.headers['x-robots-tag'] !== undefined,
    });
    expect(drip.ending).toBe('head');
    const big = await exchange(at(httpPort), GET('/big'), { timeoutMs: 5000, maxBodyBytes: 1000 });
    expect(big.ending).toBe('limit');
    expect(big.body.length).toBe(1000);
  });

  it('tells a timeout, a hang-up and a refused connection apart', async () => {
    const silent = await exchange(at(rawPort), GET('/silent'), { timeoutMs: 200 });
    expect(silent).toMatchObject({ ending: 'timeout', head: undefined });
    const closed = await exchange(at(rawPort), GET('/close'), { timeoutMs: 5000 });
    expect(closed).toMatchObject({ ending: 'closed', head: undefined });
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const freePort = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const refused = await exchange(at(freePort), GET('/'), { timeoutMs: 5000 });
    expect(refused).toMatchObject({ ending: 'error', errorCode: 'ECONNREFUSED' });
  });

  it('sends from the local address asked for, where the system allows it', async () => {
    if (!(await canSendFromLoopbackRange())) return;
    const address = createSourceAddresses(true, 77 * 256).next()!;
    peers.length = 0;
    await exchange(at(httpPort), GET('/'), { timeoutMs: 5000, localAddress: address });
    expect(peers).toEqual([address]);
  });
});
