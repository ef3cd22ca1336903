import { describe, expect, it } from 'vitest';
import { HealthChecker, type HealthCheckOptions } from './health-checker.js';

const OPTIONS: HealthCheckOptions = {
  enabled: true,
  path: '/health',
  intervalMs: 1000,
  timeoutMs: 500,
  healthyThreshold: 2,
  unhealthyThreshold: 3,
};

/** A probe whose answers the test sets, one after the other. */
function scriptedProbe(answers: readonly (boolean | Error)[]) {
  let i = 0;
  return {
    calls: () => i,
    probe: async () => {
      const answer = answers[i++];
      if (answer instanceof Error) throw answer;
      return answer ?? true;
    },
  };
}

describe('HealthChecker', () => {
  it('starts healthy, goes out after the failures in a row, and comes back after the passes in a row', () => {
    const checker = new HealthChecker(OPTIONS, async () => true);
    expect(checker.healthy).toBe(true);
    expect(checker.observe(false)).toBe(false);
    expect(checker.observe(false)).toBe(false);
    expect(checker.observe(true)).toBe(false);
    expect(checker.observe(false)).toBe(false);
    expect(checker.observe(false)).toBe(false);
    expect(checker.healthy).toBe(true);
    expect(checker.observe(false)).toBe(true);
    expect(checker.healthy).toBe(false);
    expect(checker.observe(true)).toBe(false);
    expect(checker.observe(false)).toBe(false);
    expect(checker.observe(true)).toBe(false);
    expect(checker.observe(true)).toBe(true);
    expect(checker.healthy).toBe(true);
  });

  it('counts a probe that throws as failed', async () => {
    const script = scriptedProbe([new Error('refused'), false, new Error('reset'), true, true]);
    const checker = new HealthChecker(OPTIONS, script.probe);
    for (let i = 0; i < 3; i++) await checker.check();
    expect(checker.healthy).toBe(false);
    await checker.check();
    expect(checker.healthy).toBe(false);
    await checker.check();
    expect(checker.healthy).toBe(true);
    expect(script.calls()).toBe(5);
  });

  it('stop before the first interval means no probe is sent', async () => {
    const script = scriptedProbe([]);
    const checker = new HealthChecker(OPTIONS, script.probe);
    checker.start();
    checker.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(script.calls()).toBe(0);
  });
});
