import type { AttackReport, ScenarioReport } from './attack-report-schema.js';
import { emptyCounts, OUTCOMES } from './outcome.js';
import { percentile } from './percentile.js';
import { answeredCount, resilienceScore, scenarioScore } from './resilience-score.js';
import type { AttackRun, ScenarioRun } from './run-attack.js';

const round = (ms: number) => Math.round(ms);

function scenarioReport(run: ScenarioRun, baseline: AttackReport | undefined): ScenarioReport {
  const { scenario, tally } = run;
  const counts = { ...tally.counts };
  const answered = answeredCount(counts);
  const judged = tally.requests - counts.error;
  const share = scenarioScore({ counts, grace: scenario.grace, expect: scenario.expect });
  const score = Math.round(100 * share);
  const before = baseline?.scenarios.find((s) => s.name === scenario.name);
  return {
    name: scenario.name,
    kind: scenario.kind,
    summary: scenario.summary,
    expect: scenario.expect,
    requests: tally.requests,
    outcomes: counts,
    answered,
    grace: scenario.grace,
    firstAnswer: tally.firstAnswer ?? null,
    latencyMs: {
      p50: percentile(tally.latenciesMs, 50) ?? null,
      p99: percentile(tally.latenciesMs, 99) ?? null,
    },
    verdict: judged <= 0 ? 'inconclusive' : answered > 0 ? 'answered' : 'passed-through',
    score,
    delta: before === undefined ? null : score - before.score,
    truncated: run.truncated,
    durationMs: round(run.durationMs),
    samples: tally.samples.map((s) => ({ ...s, request: s.request.slice(0, 200) })),
  };
}

/**
 * The report of a run: per scenario its outcomes, latency, verdict and score; the resilience score; and,
 * given the previous report, the change in each.
 * @example const report = buildAttackReport(await runAttack(options), previous);
 */
export function buildAttackReport(run: AttackRun, baseline?: AttackReport): AttackReport {
  const scenarios = run.scenarios.map((s) => scenarioReport(s, baseline));
  const totals = emptyCounts();
  for (const s of scenarios) for (const o of OUTCOMES) totals[o] += s.outcomes[o];
  // A scenario the budget left no request for says nothing either way: it is left out of the mean.
  const score = resilienceScore(
    run.scenarios
      .filter((s) => s.tally.requests > 0)
      .map((s) =>
        scenarioScore({ counts: s.tally.counts, grace: s.scenario.grace, expect: s.scenario.expect }),
      ),
  );
  return {
    format: 'infinisec-attack-report/1',
    target: run.target.origin,
    startedAt: run.startedAt.toISOString(),
    durationMs: round(run.durationMs),
    seed: run.seed,
    clients: run.distinctClients ? 'distinct' : 'shared',
    spread: run.spread,
    limits: { maxRequests: run.maxRequests, maxSeconds: run.maxSeconds },
    totals: { requests: scenarios.reduce((n, s) => n + s.requests, 0), outcomes: totals },
    score,
    baseline:
      baseline === undefined
        ? null
        : {
            startedAt: baseline.startedAt,
            target: baseline.target,
            score: baseline.score,
            delta: score - baseline.score,
          },
    scenarios,
  };
}
