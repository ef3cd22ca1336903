import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';
import { send } from './helpers/http-client.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

const from = (ip: string) => ({ 'x-forwarded-for': ip, 'user-agent': 'Mozilla/5.0 test' });

describe('behaviour scenarios through the gateway', () => {
  let upstream: Upstream;
  let gateway: InProcessGateway;

  beforeAll(async () => {
    upstream = await startUpstream();
    gateway = await startInProcess({
      ...baseConfig(upstream.url),
      server: { listeners: [{ host: '127.0.0.1', port: 0 }], trustedProxies: ['127.0.0.1'] },
      logging: { level: 'warn', access: 'none' },
      defend: {
        decisions: [{ scope: 'ip', value: '192.0.2.50', action: 'allow', reason: 'office' }],
        scenarios: [
          { name: 'scan-404', statuses: [404], capacity: 4, leakMs: 60_000, banMs: 1000, growth: 3 },
          {
            name: 'login-failures',
            statuses: [401],
            methods: ['POST'],
            capacity: 3,
            leakMs: 60_000,
            banMs: 60_000,
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await upstream?.close();
  });

  // A scanner's probe, answered 404 by the upstream.
  const probe = (ip: string, n: number) =>
    send(`${gateway.url}/status?code=404&probe=${n}`, { headers: from(ip) });
  const decided = () => gateway.logs.filter((l) => l.msg === 'defend: decision made');

  it('blocks a client whose 404s overflow the bucket, from its next request on', async () => {
    for (let i = 0; i < 5; i++) expect((await probe('198.51.100.1', i)).status).toBe(404);
    const blocked = await send(`${gateway.url}/`, { headers: from('198.51.100.1') });
    expect(blocked.status).toBe(403);
    expect(decided().at(-1)).toMatchObject({
      value: '198.51.100.1',
      action: 'block',
      reason: 'scenario/scan-404',
    });
    // Others are not affected.
    expect((await send(`${gateway.url}/`, { headers: from('198.51.100.2') })).status).toBe(200);
  });

  it('blocks a credential stuffer after the configured number of failed logins', async () => {
    const login = () =>
      send(`${gateway.url}/status?code=401`, {
        method: 'POST',
        headers: from('203.0.113.4'),
        body: 'user=a&pass=b',
      });
    for (let i = 0; i < 4; i++) expect((await login()).status).toBe(401);
    expect((await login()).status).toBe(403);
    expect(decided().at(-1)).toMatchObject({ value: '203.0.113.4', reason: 'scenario/login-failures' });
  });

  it('bans a repeat offender for longer', async () => {
    const ip = '198.51.100.3';
    for (let i = 0; i < 5; i++) await probe(ip, i);
    const first = decided().at(-1)!;
    await new Promise((r) => setTimeout(r, 1100));
    expect((await send(`${gateway.url}/`, { headers: from(ip) })).status).toBe(200);
    for (let i = 0; i < 5; i++) await probe(ip, 10 + i);
    const second = decided().at(-1)!;
    expect(second.value).toBe(ip);
    const length = (d: Record<string, unknown>) => Date.parse(String(d.expires)) - Date.parse(String(d.time));
    expect(length(second)).toBeGreaterThan(2.5 * length(first));
  });

  it('treats the clients of one IPv6 /64 as one, and bans the range', async () => {
    for (let i = 0; i < 5; i++) await probe(`2001:db8:7:8::${i + 1}`, i);
    expect((await send(`${gateway.url}/`, { headers: from('2001:db8:7:8::ffff') })).status).toBe(403);
    expect((await send(`${gateway.url}/`, { headers: from('2001:db8:7:9::1') })).status).toBe(200);
  });

  it('never bans an allow-listed address', async () => {
    for (let i = 0; i < 10; i++) await probe('192.0.2.50', i);
    expect((await send(`${gateway.url}/`, { headers: from('192.0.2.50') })).status).toBe(200);
  });
});
