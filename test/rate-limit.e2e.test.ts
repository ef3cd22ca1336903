import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../src/config/index.js';
import { baseConfig } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';
import { send } from './helpers/http-client.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

const DEFEND: NonNullable<ConfigInput['defend']> = {
  decisions: [{ scope: 'ip', value: '192.0.2.50', action: 'allow', reason: 'monitoring' }],
  apiKey: { header: 'x-api-key' },
  rateLimits: [
    { name: 'login', key: 'prefix', limit: 3, windowMs: 60_000, paths: ['/login'], methods: ['POST'] },
    { name: 'scraper', key: 'fingerprint', limit: 2, windowMs: 60_000, paths: ['/catalog'] },
    {
      name: 'api',
      algorithm: 'token-bucket',
      key: 'apikey',
      limit: 2,
      windowMs: 60_000,
      paths: ['/api/'],
    },
  ],
};

const from = (ip: string, extra: Record<string, string> = {}) => ({ 'x-forwarded-for': ip, ...extra });

describe('rate limits through the gateway', () => {
  let upstream: Upstream;
  let gateway: InProcessGateway;

  beforeAll(async () => {
    upstream = await startUpstream();
    gateway = await startInProcess({
      ...baseConfig(upstream.url),
      server: { listeners: [{ host: '127.0.0.1', port: 0 }], trustedProxies: ['127.0.0.1'] },
      defend: DEFEND,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await upstream?.close();
  });

  it('answers 429 with Retry-After and RateLimit headers past the limit, before the upstream sees it', async () => {
    const post = () =>
      send(`${gateway.url}/login`, { method: 'POST', headers: from('198.51.100.1'), body: 'u=a' });
    for (let i = 0; i < 3; i++) expect((await post()).status).toBe(200);
    const seen = upstream.seen.length;
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.headers).toMatchObject({
      'ratelimit-limit': '3',
      'ratelimit-remaining': '0',
      'ratelimit-policy': '3;w=60',
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body).not.toMatch(/login|ratelimit/);
    expect(upstream.seen.length).toBe(seen);
    // Other paths and methods are not counted by the login limit.
    expect((await send(`${gateway.url}/login`, { headers: from('198.51.100.1') })).status).toBe(200);
  });

  it('puts the IPv6 clients of one /64 in one bucket, and another /64 in its own', async () => {
    const post = (ip: string) =>
      send(`${gateway.url}/login`, { method: 'POST', headers: from(ip), body: 'u=a' });
    expect((await post('2001:db8:5:6::1')).status).toBe(200);
    expect((await post('2001:db8:5:6::2')).status).toBe(200);
    expect((await post('2001:db8:5:6:aaaa::3')).status).toBe(200);
    expect((await post('2001:db8:5:6::4')).status).toBe(429);
    expect((await post('2001:db8:5:7::1')).status).toBe(200);
  });

  it('counts API keys apart, wherever the requests come from', async () => {
    const get = (key: string, ip: string) =>
      send(`${gateway.url}/api/items`, { headers: from(ip, { 'x-api-key': key }) });
    expect((await get('key-one', '203.0.113.1')).status).toBe(200);
    expect((await get('key-one', '203.0.113.2')).status).toBe(200);
    expect((await get('key-one', '203.0.113.3')).status).toBe(429);
    expect((await get('key-two', '203.0.113.3')).status).toBe(200);
  });

  it('follows a client rotating its address by its fingerprint', async () => {
    const get = (ip: string, agent: string) =>
      send(`${gateway.url}/catalog`, { headers: from(ip, { 'user-agent': agent, 'accept-language': 'en' }) });
    expect((await get('198.51.100.101', 'ScrapeBot/1.0')).status).toBe(200);
    expect((await get('198.51.100.102', 'ScrapeBot/1.0')).status).toBe(200);
    expect((await get('198.51.100.103', 'ScrapeBot/1.0')).status).toBe(429);
    expect((await get('198.51.100.103', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0')).status).toBe(200);
  });

  it('never limits an allow-listed address', async () => {
    for (let i = 0; i < 6; i++) {
      const reply = await send(`${gateway.url}/login`, {
        method: 'POST',
        headers: from('192.0.2.50'),
        body: 'u=a',
      });
      expect(reply.status).toBe(200);
    }
  });

  it('keeps the counters across a reload that leaves the limits alone', async () => {
    const post = () =>
      send(`${gateway.url}/login`, { method: 'POST', headers: from('198.51.100.9'), body: 'u=a' });
    for (let i = 0; i < 3; i++) await post();
    const config = {
      ...baseConfig(upstream.url),
      server: { listeners: [{ host: '127.0.0.1', port: 0 }], trustedProxies: ['127.0.0.1'] },
      logging: { level: 'silent' as const, access: 'all' as const },
      defend: DEFEND,
    };
    expect(await gateway.reload(config)).toBe(true);
    expect((await post()).status).toBe(429);
  });
});
