import { describe, expect, it } from 'vitest';
import type { AttackReport } from './attack-report-schema.js';
import { buildAttackReport } from './build-attack-report.js';
import { emptyCounts, type Outcome } from './outcome.js';
import type { AttackRun, ScenarioRun } from './run-attack.js';
import type { Scenario } from './scenario.js';
import { createTally } from './scenario-tally.js';

function scenarioRun(name: string, outcomes: readonly Outcome[], extra: Partial<Scenario> = {}): ScenarioRun {
  const scenario: Scenario = {
    name,
    kind: 'payload',
    summary: name,
    requests: 100,
    seconds: 10,
    grace: 0,
    expect: 'answer',
    run: async () => {},
    ...extra,
  };
  const tally = createTally((o) => o === 'passed');
  for (const [i, o] of outcomes.entries())
    tally.record(o, i + 1, { request: `GET /${name}/${i}`, status: o === 'passed' ? 200 : 403 });
  return { scenario, tally, truncated: false, durationMs: 12.4 };
}

function runOf(scenarios: ScenarioRun[]): AttackRun {
  return {
    target: {
      origin: 'http://127.0.0.1:1',
      host: '127.0.0.1:1',
      hostname: '127.0.0.1',
      endpoint: { address: '127.0.0.1', port: 1 },
      loopback: true,
    },
    startedAt: new Date('2026-01-02T03:04:05.000Z'),
    durationMs: 1000,
    seed: 1,
    distinctClients: true,
    spread: false,
    maxRequests: 2000,
    maxSeconds: 120,
    scenarios,
  };
}

describe('buildAttackReport', () => {
  it('gives each scenario its counts, latency, verdict and score, and the mean as resilience score', () => {
    const report = buildAttackReport(
      runOf([
        scenarioRun('a', ['blocked', 'blocked', 'passed', 'error']),
        scenarioRun('b', ['passed', 'passed']),
        scenarioRun('c', ['error']),
      ]),
    );
    const [a, b, c] = report.scenarios;
    expect(a).toMatchObject({ requests: 4, answered: 2, firstAnswer: 1, verdict: 'answered', score: 67 });
    expect(a!.latencyMs).toEqual({ p50: 2, p99: 4 });
    expect(a!.samples).toEqual([{ request: 'GET /a/2', outcome: 'passed', status: 200 }]);
    expect(b).toMatchObject({ verdict: 'passed-through', score: 0, firstAnswer: null });
    expect(c).toMatchObject({ verdict: 'inconclusive', score: 0 });
    expect(report.score).toBe(22);
    expect(report.totals).toEqual({
      requests: 7,
      outcomes: { ...emptyCounts(), blocked: 2, passed: 3, error: 2 },
    });
    expect(report.baseline).toBeNull();
    expect(report.clients).toBe('distinct');
  });

  it('leaves a scenario that sent nothing out of the resilience score', () => {
    const report = buildAttackReport(runOf([scenarioRun('a', ['blocked']), scenarioRun('b', [])]));
    expect(report.scenarios[1]).toMatchObject({ requests: 0, verdict: 'inconclusive', score: 0 });
    expect(report.score).toBe(100);
  });

  it('scores legitimate traffic by what passed', () => {
    const report = buildAttackReport(
      runOf([scenarioRun('corpus:benign', ['passed', 'passed', 'passed', 'blocked'], { expect: 'pass' })]),
    );
    expect(report.scenarios[0]).toMatchObject({ score: 75, verdict: 'answered' });
  });

  it('compares with a baseline, scenario by scenario', () => {
    const before = buildAttackReport(
      runOf([scenarioRun('a', ['passed', 'passed']), scenarioRun('b', ['blocked'])]),
    );
    const after = buildAttackReport(
      runOf([scenarioRun('a', ['blocked', 'passed']), scenarioRun('new', ['blocked'])]),
      before as AttackReport,
    );
    expect(after.baseline).toEqual({
      startedAt: before.startedAt,
      target: before.target,
      score: 50,
      delta: 25,
    });
    expect(after.scenarios.map((s) => [s.name, s.delta])).toEqual([
      ['a', 50],
      ['new', null],
    ]);
  });
});
