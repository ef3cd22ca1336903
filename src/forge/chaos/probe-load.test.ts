import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeSchema, startProbeLoad } from './probe-load.js';
import type { ProbeSample } from './sliding-window.js';

describe('startProbeLoad', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  // /ok answers 200, /redirect 302, /fail 503, /hang never, /cut resets the connection.
  async function target(): Promise<{ url: string; seen: string[] }> {
    const seen: string[] = [];
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers['x-probe']}`);
      if (req.url === '/ok') return void res.end('ok');
      if (req.url === '/redirect') return void res.writeHead(302, { location: '/ok' }).end();
      if (req.url === '/fail') return void res.writeHead(503).end();
      if (req.url === '/cut') return void req.socket.resetAndDestroy();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
  }

  async function collect(paths: string[], count: number, extra: Record<string, unknown> = {}) {
    const { url, seen } = await target();
    const probe = probeSchema.parse({
      url,
      paths,
      rate: 100,
      timeout: 200,
      headers: { 'x-probe': 'yes' },
      ...extra,
    });
    const samples: ProbeSample[] = [];
    const load = startProbeLoad(probe, {
      clock: () => performance.now(),
      maxRequests: count,
      onSample: (s) => samples.push(s),
    });
    for (let i = 0; i < 300 && samples.length < count; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const counts = load.counts();
    load.stop();
    return { samples, seen, counts };
  }

  it('sends up to maxRequests, taking the paths in turn, with its method and headers', async () => {
    const { samples, seen, counts } = await collect(['/ok', '/redirect'], 6, { method: 'HEAD' });
    expect(counts).toEqual({ sent: 6, answered: 6, skipped: 0 });
    expect(seen).toEqual([
      'HEAD /ok yes',
      'HEAD /redirect yes',
      'HEAD /ok yes',
      'HEAD /redirect yes',
      'HEAD /ok yes',
      'HEAD /redirect yes',
    ]);
    expect(samples.every((s) => s.ok)).toBe(true);
    expect(samples.map((s) => s.outcome).sort()).toEqual(['200', '200', '200', '302', '302', '302']);
  });

  it('counts an error status, a reset and a timeout as errors', async () => {
    const { samples } = await collect(['/fail', '/cut', '/hang'], 3);
    expect(samples.map((s) => [s.ok, s.outcome]).sort()).toEqual([
      [false, '503'],
      [false, 'ECONNRESET'],
      [false, 'timeout'],
    ]);
  });

  it('skips a probe when as many as allowed are in flight', async () => {
    const { url } = await target();
    const probe = probeSchema.parse({ url, paths: ['/hang'], rate: 100, concurrency: 1, timeout: 60_000 });
    const load = startProbeLoad(probe, { clock: () => performance.now(), onSample: () => {} });
    for (let i = 0; i < 100 && load.counts().skipped < 3; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    load.stop();
    expect(load.counts()).toMatchObject({ sent: 1, answered: 0 });
    expect(load.counts().skipped).toBeGreaterThanOrEqual(3);
  });

  it('refuses a rate over the cap', () => {
    expect(probeSchema.safeParse({ url: 'http://127.0.0.1:1', rate: 10_000 }).success).toBe(false);
  });
});
