import { describe, expect, it } from 'vitest';
import { Balancer } from './balancer.js';
import { Target, type TargetOptions } from './target.js';

const OPTIONS: TargetOptions = {
  healthCheck: {
    enabled: false,
    path: '/',
    intervalMs: 1000,
    timeoutMs: 1000,
    healthyThreshold: 1,
    unhealthyThreshold: 1,
  },
  outlier: { consecutiveFailures: 0, ejectMs: 1000, maxEjectMs: 1000 },
  breaker: {
    enabled: true,
    consecutiveFailures: 1,
    failureRatio: 1,
    windowMs: 10_000,
    minRequests: 100,
    openMs: 1000,
  },
};

function targets(n: number): Target[] {
  return Array.from(
    { length: n },
    (_, i) =>
      new Target(`http://127.0.0.1:${i + 1}`, OPTIONS, () => ({ probe: async () => true, close() {} })),
  );
}

/** Opens the target's breaker at time 0: it may take a probe from 1000 on. */
function open(target: Target): void {
  target.failed(false, 0);
}

function picks(balancer: Balancer, all: Target[], n: number, now = 10): number[] {
  return Array.from({ length: n }, () => balancer.pick(all, now, -1, true));
}

describe('Balancer', () => {
  it('round robin takes every ready target in turn', () => {
    expect(picks(new Balancer('round-robin'), targets(3), 6)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('never picks an open target while another is ready', () => {
    const all = targets(3);
    open(all[1]!);
    expect(new Set(picks(new Balancer('round-robin'), all, 30, 500))).toEqual(new Set([0, 2]));
    expect(new Set(picks(new Balancer('least-connections'), all, 30, 500))).toEqual(new Set([0, 2]));
  });

  it('least connections takes the target with the fewest requests in flight', () => {
    const all = targets(3);
    all[0]!.inFlight = 4;
    all[1]!.inFlight = 1;
    all[2]!.inFlight = 2;
    const balancer = new Balancer('least-connections');
    expect(picks(balancer, all, 3)).toEqual([1, 1, 1]);
    all[2]!.inFlight = 0;
    expect(balancer.pick(all, 10, -1, true)).toBe(2);
  });

  it('least connections spreads ties in turn', () => {
    expect(new Set(picks(new Balancer('least-connections'), targets(3), 3))).toEqual(new Set([0, 1, 2]));
  });

  it('avoids the target that just failed while another is ready, and takes it when it is the only one', () => {
    const all = targets(2);
    const balancer = new Balancer('round-robin');
    for (let i = 0; i < 4; i++) expect(balancer.pick(all, 10, 0, true)).toBe(1);
    open(all[1]!);
    expect(balancer.pick(all, 10, 0, true)).toBe(0);
  });

  it('sends a probe only with a request that can be retried while another target is ready', () => {
    const all = targets(2);
    open(all[0]!);
    const balancer = new Balancer('round-robin');
    // Cool-down over: a replayable request takes the probe; others keep to the ready target.
    for (let i = 0; i < 4; i++) expect(balancer.pick(all, 1000, -1, false)).toBe(1);
    expect(balancer.pick(all, 1000, -1, true)).toBe(0);
    // A retry (target 1 failed it) goes to a ready target rather than risk the probe.
    const three = targets(3);
    open(three[0]!);
    expect(balancer.pick(three, 1000, 1, true)).toBe(2);
    all[0]!.enter(1000);
    // The probe is under way: nobody else goes there.
    for (let i = 0; i < 4; i++) expect(balancer.pick(all, 1001, -1, true)).toBe(1);
  });

  it('sends any request as the probe when no target is ready, and none before the cool-down', () => {
    const all = targets(2);
    open(all[0]!);
    open(all[1]!);
    const balancer = new Balancer('round-robin');
    expect(balancer.pick(all, 999, -1, false)).toBe(-1);
    expect([0, 1]).toContain(balancer.pick(all, 1000, -1, false));
    const single = targets(1);
    open(single[0]!);
    expect(balancer.pick(single, 999, -1, true)).toBe(-1);
    expect(balancer.pick(single, 1000, -1, true)).toBe(0);
  });
});
