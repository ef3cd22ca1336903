import { describe, expect, it } from 'vitest';
import { createRateLimiter, type RateSubject } from './create-rate-limiter.js';
import type { RateRule } from './rate-limit-types.js';
import { slidingWindow } from './sliding-window.js';
import { tokenBucket } from './token-bucket.js';

const allowedIn = (take: (now: number) => { allowed: boolean }, times: number[]) =>
  times.filter((t) => take(t).allowed).length;

describe('sliding window', () => {
  it('allows the limit within a window, then refuses with the time until one more fits', () => {
    const counter = slidingWindow(3, 1000, 10);
    expect(allowedIn((t) => counter.take('a', t), [0, 10, 20, 30, 40])).toBe(3);
    const refused = counter.take('a', 50);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.resetMs).toBeGreaterThan(0);
    expect(refused.resetMs).toBeLessThanOrEqual(1000);
    expect(counter.take('b', 50).allowed).toBe(true);
  });

  it('does not let twice the limit through around a window edge', () => {
    const counter = slidingWindow(10, 1000, 10);
    const times = [
      ...Array.from({ length: 10 }, (_, i) => 990 + i / 2),
      ...Array.from({ length: 10 }, (_, i) => 1000 + i),
    ];
    // A fixed window would allow all 20; the sliding one counts the burst just before the edge.
    expect(allowedIn((t) => counter.take('a', t), times)).toBeLessThanOrEqual(11);
  });

  it('recovers as the previous window slides out', () => {
    const counter = slidingWindow(4, 1000, 10);
    for (const t of [0, 1, 2, 3]) counter.take('a', t);
    expect(counter.take('a', 900).allowed).toBe(false);
    expect(counter.take('a', 1500).allowed).toBe(true); // half the previous window counts: 2 of 4 used
    expect(counter.take('a', 3100).allowed).toBe(true); // a window without traffic in between: clean slate
  });
});

describe('token bucket', () => {
  it('allows a burst of its size, then a steady rate', () => {
    const counter = tokenBucket(5, 1000, 10);
    expect(allowedIn((t) => counter.take('a', t), [0, 0, 0, 0, 0, 0, 0])).toBe(5);
    const refused = counter.take('a', 0);
    expect(refused.allowed).toBe(false);
    expect(refused.resetMs).toBe(200);
    expect(counter.take('a', 200).allowed).toBe(true);
    expect(counter.take('a', 210).allowed).toBe(false);
    expect(
      allowedIn(
        (t) => counter.take('a', t),
        Array.from({ length: 50 }, (_, i) => 400 + i * 200),
      ),
    ).toBe(50);
  });
});

describe('bounded counters', () => {
  it('track at most maxKeys keys, forgetting the oldest', () => {
    const counter = slidingWindow(1, 1000, 3);
    for (const key of ['a', 'b', 'c', 'd']) counter.take(key, 0);
    expect(counter.size).toBe(3);
    expect(counter.take('a', 1).allowed).toBe(true); // forgotten, so counted afresh
    expect(counter.take('d', 1).allowed).toBe(false);
  });
});

const client = (ip: string, prefix = ip) => ({ ip, prefix, fingerprint: '', userAgent: '' });
const subject = (over: Partial<RateSubject> = {}): RateSubject => ({
  method: 'GET',
  path: '/',
  client: client('192.0.2.1'),
  apiKey: '',
  ...over,
});
const rule = (over: Partial<RateRule>): RateRule => ({
  name: 'r',
  algorithm: 'sliding-window',
  key: 'ip',
  limit: 2,
  windowMs: 1000,
  paths: [],
  methods: [],
  ...over,
});

describe('createRateLimiter', () => {
  it('counts only requests a rule applies to (path prefix, method)', () => {
    const limiter = createRateLimiter([rule({ name: 'login', paths: ['/login'], methods: ['POST'] })], 100);
    for (let i = 0; i < 5; i++) expect(limiter.check(subject({ path: '/login' }), i)).toBeUndefined();
    expect(limiter.check(subject({ path: '/login', method: 'POST' }), 10)).toBeUndefined();
    expect(limiter.check(subject({ path: '/login/', method: 'POST' }), 11)).toBeUndefined();
    expect(limiter.check(subject({ path: '/login', method: 'POST' }), 12)?.rule.name).toBe('login');
  });

  it('keys by address, by prefix (an IPv6 /64), by API key or for the whole route', () => {
    const v6 = (ip: string) => client(ip, '2001:db8:1:2::/64');
    const byPrefix = createRateLimiter([rule({ key: 'prefix' })], 100);
    byPrefix.check(subject({ client: v6('2001:db8:1:2::1') }), 0);
    byPrefix.check(subject({ client: v6('2001:db8:1:2::2') }), 1);
    expect(byPrefix.check(subject({ client: v6('2001:db8:1:2::3') }), 2)).toBeDefined();
    const byIp = createRateLimiter([rule({ key: 'ip' })], 100);
    byIp.check(subject({ client: v6('2001:db8:1:2::1') }), 0);
    byIp.check(subject({ client: v6('2001:db8:1:2::2') }), 1);
    expect(byIp.check(subject({ client: v6('2001:db8:1:2::3') }), 2)).toBeUndefined();
    const byKey = createRateLimiter([rule({ key: 'apikey', limit: 1 })], 100);
    expect(byKey.check(subject({ apiKey: 'k1' }), 0)).toBeUndefined();
    expect(byKey.check(subject({ apiKey: 'k2' }), 0)).toBeUndefined();
    expect(byKey.check(subject({ apiKey: 'k1', client: client('198.51.100.9') }), 1)).toBeDefined();
    const route = createRateLimiter([rule({ key: 'route', limit: 1 })], 100);
    route.check(subject({ client: client('192.0.2.1') }), 0);
    expect(route.check(subject({ client: client('192.0.2.2') }), 1)).toBeDefined();
  });

  it('refuses a rule that cannot allow anything', () => {
    expect(() => createRateLimiter([rule({ limit: 0 })], 100)).toThrow(/limit and windowMs/);
  });
});
