import { describe, expect, it } from 'vitest';
import { emptyCounts, type OutcomeCounts } from './outcome.js';
import { answeredCount, resilienceScore, scenarioScore } from './resilience-score.js';

const counts = (c: Partial<OutcomeCounts>): OutcomeCounts => ({ ...emptyCounts(), ...c });

describe('scenarioScore', () => {
  it('is the share of attacks answered, errors left out', () => {
    expect(scenarioScore({ counts: counts({ blocked: 30, passed: 10 }), grace: 0, expect: 'answer' })).toBe(
      0.75,
    );
    expect(scenarioScore({ counts: counts({ trapped: 40, error: 60 }), grace: 0, expect: 'answer' })).toBe(1);
    expect(scenarioScore({ counts: counts({ passed: 40 }), grace: 0, expect: 'answer' })).toBe(0);
  });

  it('grants the grace before it counts what passed', () => {
    // A login limit of 10 per minute: 10 failures pass, 30 are refused; all the defence could do.
    expect(
      scenarioScore({ counts: counts({ passed: 10, rateLimited: 30 }), grace: 10, expect: 'answer' }),
    ).toBe(1);
    expect(
      scenarioScore({ counts: counts({ passed: 25, rateLimited: 15 }), grace: 10, expect: 'answer' }),
    ).toBe(0.5);
    // Fewer requests than the grace: what was answered still counts, at most fully.
    expect(scenarioScore({ counts: counts({ passed: 3, blocked: 2 }), grace: 10, expect: 'answer' })).toBe(1);
  });

  it('scores legitimate traffic by what passed, and nothing judged as 0', () => {
    expect(scenarioScore({ counts: counts({ passed: 9, blocked: 1 }), grace: 0, expect: 'pass' })).toBe(0.9);
    expect(scenarioScore({ counts: counts({ error: 5 }), grace: 0, expect: 'answer' })).toBe(0);
    expect(scenarioScore({ counts: counts({}), grace: 0, expect: 'pass' })).toBe(0);
  });
});

describe('resilienceScore', () => {
  it('is the rounded mean, 0 without scenarios', () => {
    expect(resilienceScore([1, 0.5])).toBe(75);
    expect(resilienceScore([1, 1, 0])).toBe(67);
    expect(resilienceScore([])).toBe(0);
  });

  it('counts every answering outcome as answered', () => {
    expect(
      answeredCount(
        counts({ blocked: 1, challenged: 2, trapped: 3, rateLimited: 4, timeout: 5, passed: 6, error: 7 }),
      ),
    ).toBe(15);
  });
});
