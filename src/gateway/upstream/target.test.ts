import { describe, expect, it } from 'vitest';
import type { HealthProbe } from './health-checker.js';
import { Target, type TargetOptions } from './target.js';

const OPTIONS: TargetOptions = {
  healthCheck: {
    enabled: false,
    path: '/',
    intervalMs: 60_000,
    timeoutMs: 1000,
    healthyThreshold: 1,
    unhealthyThreshold: 1,
  },
  outlier: { consecutiveFailures: 2, ejectMs: 1000, maxEjectMs: 10_000 },
  breaker: {
    enabled: true,
    consecutiveFailures: 3,
    failureRatio: 1,
    windowMs: 10_000,
    minRequests: 100,
    openMs: 500,
  },
};

const noProbe = () => ({ probe: async () => true, close() {} });

describe('Target', () => {
  it('is ready until its breaker opens, then takes one probe after the cool-down', () => {
    const target = new Target('http://127.0.0.1:1', OPTIONS, noProbe);
    expect(target.ready(0)).toBe(true);
    for (let i = 0; i < 3; i++) target.failed(target.enter(0), 0);
    target.inFlight = 0;
    expect(target.stats(0)).toMatchObject({ breaker: 'open', opened: 1 });
    expect(target.ready(100)).toBe(false);
    expect(target.probeable(100)).toBe(false);
    expect(target.backAt(100)).toBe(500);
    expect(target.probeable(500)).toBe(true);
    const probe = target.enter(500);
    expect(probe).toBe(true);
    expect(target.probeable(501)).toBe(false);
    target.answered(200, probe, 510);
    expect(target.ready(510)).toBe(true);
  });

  it('counts 502, 503 and 504 against the breaker, other answers for it', () => {
    const target = new Target('http://127.0.0.1:1', OPTIONS, noProbe);
    target.answered(503, false, 0);
    target.answered(500, false, 0);
    target.answered(502, false, 0);
    target.answered(504, false, 0);
    // The 500 broke the run of breaker failures: 2 in a row since.
    expect(target.stats(0).breaker).toBe('closed');
    target.answered(503, false, 0);
    expect(target.stats(0).breaker).toBe('open');
  });

  it('asks for an ejection after a run of 5xx or unanswered tries, and sits out once ejected', () => {
    const target = new Target('http://127.0.0.1:1', OPTIONS, noProbe);
    expect(target.answered(500, false, 0)).toBe(false);
    expect(target.answered(500, false, 0)).toBe(true);
    target.eject(0);
    expect(target.ready(999)).toBe(false);
    expect(target.stats(999)).toMatchObject({ ejected: true, ejections: 1 });
    expect(target.ready(1000)).toBe(true);
    expect(target.answered(404, false, 1000)).toBe(false);
    expect(target.failed(false, 1000)).toBe(false);
  });

  it('is held out while its health checks fail, and stops probing when retired', async () => {
    let answer = false;
    let closed = 0;
    const probes: HealthProbe[] = [];
    const target = new Target(
      'http://127.0.0.1:1',
      { ...OPTIONS, healthCheck: { ...OPTIONS.healthCheck, enabled: true } },
      (origin, options) => {
        expect(origin).toBe('http://127.0.0.1:1');
        expect(options.path).toBe('/');
        const probe = async () => answer;
        probes.push(probe);
        return { probe, close: () => void closed++ };
      },
    );
    expect(target.ready(0)).toBe(true);
    target.activate();
    target.activate();
    expect(probes).toHaveLength(1);
    await target.checkHealth();
    expect(target.ready(0)).toBe(false);
    expect(target.probeable(0)).toBe(false);
    expect(target.stats(0).healthy).toBe(false);
    answer = true;
    await target.checkHealth();
    expect(target.ready(0)).toBe(true);
    target.retire();
    expect(closed).toBe(1);
  });

  it('gives the probe slot back when a probe ends without an outcome', () => {
    const target = new Target('http://127.0.0.1:1', OPTIONS, noProbe);
    for (let i = 0; i < 3; i++) target.failed(false, 0);
    const probe = target.enter(600);
    target.leave();
    target.released(probe);
    expect(target.probeable(601)).toBe(true);
    expect(target.inFlight).toBe(0);
  });
});
