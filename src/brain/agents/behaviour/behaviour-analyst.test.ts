import { describe, expect, it } from 'vitest';
import type { BehaviourSignal, SecurityEvent } from '../../../core/index.js';
import { eventOf } from '../shared/events.testing.js';
import { BehaviourAnalyst } from './behaviour-analyst.js';
import { normalTraffic } from './traffic.testing.js';

const T0 = 1_800_000_000_000;

function feed(analyst: BehaviourAnalyst, events: readonly SecurityEvent[]): BehaviourSignal[] {
  return events.flatMap((event) => analyst.observe(event) ?? []);
}

/** A script logging in every 500 ms with another password each time. */
const stuffer = (from: number, count = 60, ip = '203.0.113.9') =>
  Array.from({ length: count }, (_, i) =>
    eventOf({
      time: from + i * 500,
      ip,
      method: 'POST',
      path: '/login',
      status: 401,
      userAgent: 'python-requests',
    }),
  );

describe('BehaviourAnalyst', () => {
  it('learns a site from its normal clients and flags none of them', () => {
    const analyst = new BehaviourAnalyst();
    const signals = feed(analyst, normalTraffic(200, T0));
    expect(signals).toEqual([]);
  });

  it('flags a scripted client against its site’s baseline, saying which features and how far', () => {
    const analyst = new BehaviourAnalyst();
    feed(analyst, normalTraffic(60, T0));
    const signals = feed(analyst, stuffer(T0 + 900_000));
    expect(signals.length).toBeGreaterThan(0);
    const [first] = signals;
    expect(first).toMatchObject({ site: 'shop', client: { ip: '203.0.113.9' } });
    expect(first!.score).toBeGreaterThan(0.5);
    expect(first!.score).toBeLessThan(1);
    expect(first!.features).toMatchObject({ requests: 20, errorRatio: 1, distinctPaths: 1, timingCv: 0 });
    const named = first!.reasons.map((r) => r.split(' ')[0]);
    expect(named).toEqual(expect.arrayContaining(['rate', 'errorRatio', 'timingCv']));
    expect(first!.reasons.find((r) => r.startsWith('errorRatio'))).toMatch(
      /^errorRatio 100% against a site median of \d+%$/,
    );
    // One signal a minute per client unless its score climbs: 60 requests in 30 s give one or two, not four.
    expect(signals.length).toBeLessThanOrEqual(2);
  });

  it('judges nobody while a site’s baseline is still learning', () => {
    const analyst = new BehaviourAnalyst({ minSamples: 30 });
    feed(analyst, normalTraffic(10, T0));
    expect(feed(analyst, stuffer(T0 + 900_000))).toEqual([]);
  });

  it('keeps a baseline per site: what is normal on one is judged on another only by its own', () => {
    const analyst = new BehaviourAnalyst();
    feed(analyst, normalTraffic(60, T0, 7, 'shop'));
    const busyApi = Array.from({ length: 40 }, (_, c) =>
      Array.from({ length: 40 }, (_, i) =>
        eventOf({ time: T0 + i * 500 + c, site: 'api', ip: `10.9.0.${c}`, path: '/v1/poll' }),
      ),
    )
      .flat()
      .sort((a, b) => a.time - b.time);
    // On the API site, machines polling twice a second are the norm.
    expect(feed(analyst, busyApi)).toEqual([]);
    const poller = Array.from({ length: 40 }, (_, i) =>
      eventOf({ time: T0 + 900_000 + i * 500, site: 'shop', ip: '10.9.9.9', path: '/v1/poll' }),
    );
    expect(feed(analyst, poller).length).toBeGreaterThan(0);
  });

  it('sees an address that changes its user agent at every request', () => {
    const analyst = new BehaviourAnalyst();
    feed(analyst, normalTraffic(60, T0));
    const rotating = Array.from({ length: 30 }, (_, i) =>
      eventOf({
        time: T0 + 900_000 + i * 7000 + (i % 3) * 2500,
        ip: '198.51.100.3',
        userAgent: `agent-${i}`,
        path: `/products/${i % 9}`,
      }),
    );
    const signals = feed(analyst, rotating);
    expect(signals.flatMap((s) => s.reasons).some((r) => r.startsWith('fingerprints'))).toBe(true);
  });

  it('follows at most maxClients clients and forgets the idle ones', () => {
    const analyst = new BehaviourAnalyst({ maxClients: 100, idleMs: 60_000 });
    for (let i = 0; i < 1000; i++)
      analyst.observe(eventOf({ time: T0 + i, ip: `10.1.${i >> 8}.${i & 255}` }));
    expect(analyst.clients).toBe(100);
    expect(analyst.expire(T0 + 1000 + 60_000)).toBe(100);
    expect(analyst.clients).toBe(0);
  });

  it('judges alike after its baselines are saved and taken back', () => {
    const learnt = new BehaviourAnalyst();
    feed(learnt, normalTraffic(60, T0));
    const fresh = new BehaviourAnalyst();
    for (const [site, snapshot] of Object.entries(JSON.parse(JSON.stringify(learnt.snapshot()))))
      fresh.restore(site, snapshot as Record<string, number[]>);
    const a = feed(learnt, stuffer(T0 + 900_000));
    const b = feed(fresh, stuffer(T0 + 900_000));
    expect(b.map((s) => [s.score, s.reasons])).toEqual(a.map((s) => [s.score, s.reasons]));
    expect(b.length).toBeGreaterThan(0);
  });
});
