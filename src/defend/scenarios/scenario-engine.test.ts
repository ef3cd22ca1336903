import { describe, expect, it } from 'vitest';
import { createScenarioEngine } from './create-scenario-engine.js';
import type { Scenario, ScenarioEvent } from './scenario-types.js';

const scenario = (over: Partial<Scenario> = {}): Scenario => ({
  name: 's',
  statuses: [],
  paths: [],
  methods: [],
  analyzers: [],
  key: 'prefix',
  distinctPaths: false,
  capacity: 3,
  leakMs: 1000,
  action: 'block',
  banMs: 60_000,
  growth: 2,
  maxBanMs: 200_000,
  ...over,
});
const event = (over: Partial<ScenarioEvent> = {}): ScenarioEvent => ({
  path: '/',
  method: 'GET',
  status: 200,
  analyzers: [],
  ip: '192.0.2.1',
  prefix: '192.0.2.1',
  ...over,
});

describe('scenario engine', () => {
  it('overflows one past the capacity, for the matching requests only', () => {
    const engine = createScenarioEngine(
      [scenario({ statuses: [401, 403], paths: ['/login'], methods: ['POST'] })],
      100,
    );
    const fail = event({ path: '/login', method: 'POST', status: 401 });
    for (let i = 0; i < 3; i++) expect(engine.observe(fail, i)).toEqual([]);
    expect(engine.observe(event({ path: '/login', method: 'POST', status: 200 }), 4)).toEqual([]);
    expect(engine.observe(event({ path: '/login', status: 401 }), 5)).toEqual([]);
    const [overflow] = engine.observe(fail, 6);
    expect(overflow).toMatchObject({
      value: '192.0.2.1',
      scope: 'ip',
      action: 'block',
      durationMs: 60_000,
      offences: 0,
    });
  });

  it('leaks over time, so a slow pace never overflows', () => {
    const engine = createScenarioEngine([scenario({ capacity: 2, leakMs: 1000 })], 100);
    for (let i = 0; i < 20; i++) expect(engine.observe(event(), i * 1100)).toEqual([]);
  });

  it('grows the ban for each earlier overflow, up to its cap', () => {
    const engine = createScenarioEngine([scenario({ capacity: 1 })], 100);
    const durations: number[] = [];
    for (let round = 0; round < 4; round++) {
      const t = round * 10_000;
      engine.observe(event(), t);
      durations.push(...engine.observe(event(), t + 1).map((o) => o.durationMs));
    }
    expect(durations).toEqual([60_000, 120_000, 200_000, 200_000]);
  });

  it('counts each path once for path enumeration, and findings by analyzer', () => {
    const enumeration = createScenarioEngine([scenario({ distinctPaths: true, capacity: 2 })], 100);
    for (let i = 0; i < 10; i++) expect(enumeration.observe(event({ path: '/same' }), i)).toEqual([]);
    enumeration.observe(event({ path: '/a' }), 20);
    expect(enumeration.observe(event({ path: '/b' }), 21)).toHaveLength(1);
    const attacks = createScenarioEngine([scenario({ analyzers: ['sqli', 'xss'], capacity: 1 })], 100);
    expect(attacks.observe(event({ analyzers: ['scanner'] }), 0)).toEqual([]);
    attacks.observe(event({ analyzers: ['sqli'] }), 1);
    expect(attacks.observe(event({ analyzers: ['xss'] }), 2)).toHaveLength(1);
  });

  it('buckets an IPv6 /64 together and decides on the range', () => {
    const engine = createScenarioEngine([scenario({ capacity: 1 })], 100);
    const prefix = '2001:db8:1:2::/64';
    engine.observe(event({ ip: '2001:db8:1:2::1', prefix }), 0);
    expect(engine.observe(event({ ip: '2001:db8:1:2::99', prefix }), 1)[0]).toMatchObject({
      scope: 'cidr',
      value: prefix,
    });
  });

  it('tracks at most maxKeys clients per scenario', () => {
    const engine = createScenarioEngine([scenario()], 10);
    for (let i = 0; i < 50; i++) engine.observe(event({ ip: `192.0.2.${i}`, prefix: `192.0.2.${i}` }), i);
    expect(engine.size).toBe(10);
  });
});

describe('error ratio', () => {
  it('overflows when errors outnumber successes, not on errors among many successes', () => {
    const errors = scenario({ statuses: [500, 502, 503], capacity: 5, leakMs: 1_000_000, drainOnOther: 1 });
    const mixed = createScenarioEngine([errors], 100);
    // One error in three requests: the successes drain what the errors add.
    for (let i = 0; i < 60; i++)
      expect(mixed.observe(event({ status: i % 3 === 0 ? 500 : 200 }), i)).toEqual([]);
    const failing = createScenarioEngine([errors], 100);
    const overflows = [];
    // Four errors in five requests.
    for (let i = 0; i < 20; i++)
      overflows.push(...failing.observe(event({ status: i % 5 === 0 ? 200 : 503 }), i));
    expect(overflows.length).toBeGreaterThan(0);
  });
});
