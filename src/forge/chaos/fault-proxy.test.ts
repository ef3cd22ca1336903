import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isInfinisecError } from '../../core/index.js';
import { fetchOutcome, startTestUpstream } from './chaos-upstream.testing.js';
import { type FaultProxy, startFaultProxy } from './fault-proxy.js';
import { errorFault } from './faults/error.js';
import { latencyFault } from './faults/latency.js';
import { timeoutFault } from './faults/timeout.js';

const everything = () => true;

describe('startFaultProxy', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup(): Promise<{ proxy: FaultProxy; seen: string[] }> {
    const upstream = await startTestUpstream();
    cleanups.push(() => upstream.close());
    const proxy = await startFaultProxy({ listen: { host: '127.0.0.1', port: 0 }, upstream: upstream.url });
    cleanups.push(() => proxy.close());
    return { proxy, seen: upstream.seen };
  }

  it('is transparent with no fault armed: method, path, query, headers and body pass both ways', async () => {
    const received: { method?: string; url?: string; headers?: Record<string, unknown>; body?: string } = {};
    const upstream = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (text: string) => {
        body += text;
      });
      req.once('end', () => {
        Object.assign(received, { method: req.method, url: req.url, headers: req.headers, body });
        res.writeHead(201, [
          'set-cookie',
          'a=1',
          'set-cookie',
          'b=2',
          'connection',
          'x-hop',
          'x-hop',
          'hop-by-hop',
          'content-type',
          'text/plain',
        ]);
        res.end('created');
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => upstream.close(() => resolve())));
    const { port } = upstream.address() as AddressInfo;
    const proxy = await startFaultProxy({
      listen: { host: '127.0.0.1', port: 0 },
      upstream: `http://127.0.0.1:${port}`,
    });
    cleanups.push(() => proxy.close());

    const reply = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        const req = request(
          `${proxy.url}/orders?x=1`,
          {
            method: 'POST',
            agent: false,
            headers: { host: 'shop.example', 'x-custom': 'kept', 'content-type': 'application/json' },
          },
          (res) => {
            let body = '';
            res.setEncoding('utf8').on('data', (text: string) => {
              body += text;
            });
            res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
          },
        );
        req.once('error', reject);
        req.end('{"qty":2}');
      },
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toBe('created');
    expect(reply.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(reply.headers['x-hop']).toBeUndefined();
    expect(received).toMatchObject({ method: 'POST', url: '/orders?x=1', body: '{"qty":2}' });
    expect(received.headers).toMatchObject({ host: 'shop.example', 'x-custom': 'kept' });
    expect(proxy.counts()).toEqual({ requests: 1, untouched: 1, injected: {} });
  });

  it('puts several faults together: latency of one, the answer of another', async () => {
    const { proxy, seen } = await setup();
    proxy.arm({
      id: 'slow#1',
      name: 'slow',
      inScope: everything,
      fault: latencyFault.create({ delay: 50, jitter: 0 }, Math.random),
    });
    proxy.arm({
      id: 'down#1',
      name: 'down',
      inScope: everything,
      fault: errorFault.create(errorFault.options.parse({ status: 502 }), Math.random),
    });
    const outcome = await fetchOutcome(`${proxy.url}/`);
    expect(outcome.status).toBe(502);
    expect(outcome.ms).toBeGreaterThanOrEqual(48);
    expect(seen).toEqual([]);
    expect(proxy.counts().injected).toEqual({ slow: 1, down: 1 });
  });

  it('lets the fault of the lower rank answer, whatever order they were armed in', async () => {
    const { proxy } = await setup();
    const answer = (status: number) => errorFault.create(errorFault.options.parse({ status }), Math.random);
    proxy.arm({ id: 'second#1', name: 'second', inScope: everything, fault: answer(504), rank: 1 });
    proxy.arm({ id: 'first#1', name: 'first', inScope: everything, fault: answer(503), rank: 0 });
    expect((await fetchOutcome(`${proxy.url}/`)).status).toBe(503);
    proxy.disarm('first#1');
    expect((await fetchOutcome(`${proxy.url}/`)).status).toBe(504);
  });

  it('turns transparent at once when every fault is lifted, releasing held requests', async () => {
    const { proxy, seen } = await setup();
    proxy.arm({
      id: 'hang#1',
      name: 'hang',
      inScope: everything,
      fault: timeoutFault.create({ hold: undefined }, Math.random),
    });
    proxy.arm({
      id: 'down#1',
      name: 'down',
      inScope: (_host, path) => path === '/down',
      fault: errorFault.create(errorFault.options.parse({}), Math.random),
    });
    const held = fetchOutcome(`${proxy.url}/held`);
    for (let i = 0; i < 100 && proxy.counts().requests === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    proxy.disarmAll();
    expect((await held).status).toBe(200);
    expect((await fetchOutcome(`${proxy.url}/down`)).status).toBe(200);
    expect(seen.map((line) => line.split(' ')[1])).toEqual(['/held', '/down']);
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const proxy = await startFaultProxy({
      listen: { host: '127.0.0.1', port: 0 },
      upstream: `http://127.0.0.1:${port}`,
    });
    cleanups.push(() => proxy.close());
    expect(await fetchOutcome(`${proxy.url}/`)).toMatchObject({
      status: 502,
      body: 'chaos proxy: the upstream cannot be reached\n',
    });
  });

  it('closes with a request held, and cuts it', async () => {
    const { proxy } = await setup();
    proxy.arm({
      id: 'hang#1',
      name: 'hang',
      inScope: everything,
      fault: timeoutFault.create({ hold: undefined }, Math.random),
    });
    const held = fetchOutcome(`${proxy.url}/`, { timeoutMs: 10_000 });
    for (let i = 0; i < 100 && proxy.counts().requests === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await proxy.close();
    const outcome = await held;
    expect(outcome.status).toBeUndefined();
    expect(outcome.error).not.toBe('timeout');
  });

  it('says which address it cannot listen on', async () => {
    const { proxy } = await setup();
    const error = await startFaultProxy({ listen: proxy.address, upstream: 'http://127.0.0.1:1' }).catch(
      (e) => e,
    );
    expect(isInfinisecError(error, 'INFINISEC_ERR_LISTEN')).toBe(true);
    expect(error.message).toContain(`127.0.0.1:${proxy.address.port}: EADDRINUSE`);
  });
});
