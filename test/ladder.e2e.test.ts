import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';
import { send } from './helpers/http-client.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

const SCANNER = '198.51.100.20';
const from = (ip: string) => ({ 'x-forwarded-for': ip, 'user-agent': 'Mozilla/5.0 test' });

describe('the response ladder through the gateway', () => {
  let upstream: Upstream;
  let gateway: InProcessGateway;

  beforeAll(async () => {
    upstream = await startUpstream();
    gateway = await startInProcess({
      ...baseConfig(upstream.url),
      server: { listeners: [{ host: '127.0.0.1', port: 0 }], trustedProxies: ['127.0.0.1'] },
      logging: { level: 'warn', access: 'none' },
      labyrinth: {
        enabled: true,
        secret: 'ladder-test-secret-0123456789',
        tarpit: { enabled: false },
        trapLinks: { enabled: true, prefix: '/library/' },
      },
      defend: {
        scenarios: [{ name: 'scan-404', statuses: [404], capacity: 3, leakMs: 60_000, risk: 2 }],
        ladder: {
          enabled: true,
          findingRisk: 1,
          steps: [
            { risk: 2, action: 'ratelimit', durationMs: 1000 },
            { risk: 4, action: 'labyrinth', durationMs: 1000 },
            { risk: 6, action: 'block', durationMs: 60_000 },
          ],
        },
      },
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await upstream?.close();
  });

  const probe = (n: number) => send(`${gateway.url}/status?code=404&probe=${n}`, { headers: from(SCANNER) });
  const rungs = () =>
    gateway.logs.filter((l) => l.msg === 'defend: decision made' && l.value === SCANNER).map((l) => l.action);

  it('takes a scanner from a rate limit to the labyrinth to a block', async () => {
    for (let i = 0; i < 4; i++) expect((await probe(i)).status).toBe(404);
    const limited = await probe(4);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(1);
    expect(rungs()).toEqual(['ratelimit']);

    await new Promise((r) => setTimeout(r, 1100));
    for (let i = 0; i < 4; i++) await probe(10 + i);
    expect(rungs()).toEqual(['ratelimit', 'labyrinth']);
    const seen = upstream.seen.length;
    const maze = await send(`${gateway.url}/admin/`, { headers: from(SCANNER) });
    expect(maze.headers['x-upstream']).toBeUndefined();
    expect(upstream.seen.length).toBe(seen);
    expect((await gateway.app.intruders.list()).some((s) => s.client.ip === SCANNER)).toBe(true);

    // Attacks sent into the maze still count, and lead on to a block.
    for (const q of ["1' union select password from users--", '<script>alert(1)</script>']) {
      await send(`${gateway.url}/search?q=${encodeURIComponent(q)}`, { headers: from(SCANNER) });
    }
    expect(rungs()).toEqual(['ratelimit', 'labyrinth', 'block']);
    expect((await send(`${gateway.url}/`, { headers: from(SCANNER) })).status).toBe(403);
    // Another client is untouched.
    expect((await send(`${gateway.url}/`, { headers: from('198.51.100.21') })).status).toBe(200);
  });

  it('counts a trap link followed, and keeps the crawler in the maze', async () => {
    const crawler = '198.51.100.30';
    const first = await send(`${gateway.url}/library/annual-report`, { headers: from(crawler) });
    expect(first.status).toBe(200);
    const made = gateway.logs.filter((l) => l.msg === 'defend: decision made' && l.value === crawler);
    expect(made.map((l) => l.reason)).toEqual(['ladder/ratelimit']);
    // The rung is milder than the maze it is in: it stays in the maze rather than get 429s.
    const next = await send(`${gateway.url}/products`, { headers: from(crawler) });
    expect(next.status).not.toBe(429);
    expect(next.headers['x-upstream']).toBeUndefined();
  });
});
