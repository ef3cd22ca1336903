import { Pool } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchema, type UpstreamConfig } from '../../config/index.js';
import { Target } from './target.js';
import { createUpstream, type ResilienceCounters, type UpstreamTarget } from './upstream.js';

const pools: Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.destroy()));
});

function upstreamOf(input: Record<string, unknown>) {
  const config: UpstreamConfig = configSchema.parse({
    sites: [{ name: 'app', hosts: ['*'], upstream: input }],
  }).sites[0]!.upstream;
  const entries: UpstreamTarget[] = config.targets.map((origin) => {
    const pool = new Pool(origin);
    pools.push(pool);
    return { target: new Target(origin, config, () => ({ probe: async () => true, close() {} })), pool };
  });
  const counters: ResilienceCounters = { retries: 0, bulkheadRejections: 0, fallbacks: 0, unavailable: 0 };
  return { upstream: createUpstream(config, entries, counters), entries };
}

describe('createUpstream', () => {
  it('ejects a target after its run of failures while another one is ready', () => {
    const { upstream, entries } = upstreamOf({
      targets: ['http://127.0.0.1:1', 'http://127.0.0.1:2'],
      outlier: { consecutiveFailures: 2, ejectMs: 1000 },
      breaker: { enabled: false },
    });
    const [a, b] = entries as [UpstreamTarget, UpstreamTarget];
    upstream.answered(a, 500, false, 0);
    upstream.answered(a, 500, false, 0);
    expect(a.target.stats(0).ejected).toBe(true);
    for (let i = 0; i < 4; i++) expect(upstream.pick(10, undefined, false)).toBe(b);
    // b is now the last one ready: it is never ejected, whatever it answers.
    for (let i = 0; i < 6; i++) upstream.failed(b, false, 10);
    expect(b.target.stats(10).ejected).toBe(false);
    expect(upstream.pick(1000, undefined, false)).toBeDefined();
  });

  it('answers Retry-After with the seconds until the first target is back, at least 1', () => {
    const { upstream, entries } = upstreamOf({
      targets: ['http://127.0.0.1:1', 'http://127.0.0.1:2'],
      breaker: { consecutiveFailures: 1, openMs: 4500 },
      outlier: { consecutiveFailures: 0 },
    });
    expect(upstream.retryAfterSeconds(0)).toBe(1);
    upstream.failed(entries[0]!, false, 0);
    upstream.failed(entries[1]!, false, 2000);
    expect(upstream.pick(100, undefined, true)).toBeUndefined();
    expect(upstream.retryAfterSeconds(100)).toBe(5);
    expect(upstream.retryAfterSeconds(4400)).toBe(1);
  });

  it('takes its bulkhead, retry policy and origins from the configuration', () => {
    const { upstream } = upstreamOf({
      targets: ['http://127.0.0.1:1'],
      bulkhead: { maxConcurrent: 2, retryAfterSeconds: 7 },
      retry: { attempts: 1 },
    });
    expect(upstream.bulkhead.limit).toBe(2);
    expect(upstream.busyRetryAfter).toBe('7');
    expect(upstream.retry.allows('GET', true)).toBe(false);
    expect(upstream.origins).toEqual(['http://127.0.0.1:1']);
  });

  it('is configured with exactly one of an inline fallback page and a page file', () => {
    const parse = (fallback: Record<string, unknown>) =>
      configSchema.safeParse({
        sites: [{ name: 'app', hosts: ['*'], upstream: { targets: ['http://127.0.0.1:1'], fallback } }],
      }).success;
    expect(parse({ html: '<p>x</p>' })).toBe(true);
    expect(parse({ file: '/srv/down.html', status: 200 })).toBe(true);
    expect(parse({ html: '<p>x</p>', file: '/srv/down.html' })).toBe(false);
    expect(parse({ status: 503 })).toBe(false);
  });
});
