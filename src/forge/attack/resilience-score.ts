import { isAnswered, OUTCOMES, type OutcomeCounts } from './outcome.js';

/** What a scenario's score is computed from. */
export interface ScoreInput {
  readonly counts: OutcomeCounts;
  readonly grace: number;
  readonly expect: 'answer' | 'pass';
}

/** Requests the defence answered: every outcome but `passed` and `error`. */
export function answeredCount(counts: OutcomeCounts): number {
  return OUTCOMES.filter(isAnswered).reduce((n, o) => n + counts[o], 0);
}

/**
 * A scenario's score, 0–1. Errors say nothing about the defence and are left out: of the rest (`judged`),
 * an attack scores the share answered once its grace is spent, `answered / (judged − grace)`, at most 1;
 * legitimate traffic scores the share that passed. Nothing judged scores 0: an unproven defence earns
 * nothing.
 *
 * @example scenarioScore({ counts, grace: 10, expect: 'answer' }) // 30 answered of 40 → 30 / 30 = 1
 */
export function scenarioScore({ counts, grace, expect }: ScoreInput): number {
  const judged = OUTCOMES.reduce((n, o) => n + counts[o], 0) - counts.error;
  if (judged <= 0) return 0;
  if (expect === 'pass') return counts.passed / judged;
  return Math.min(1, answeredCount(counts) / Math.max(1, judged - grace));
}

/**
 * The resilience score, 0–100: the mean of the scenario scores, each scenario weighing the same however
 * many requests it sent, rounded.
 * @example resilienceScore([1, 0.5]) // 75
 */
export function resilienceScore(scores: readonly number[]): number {
  if (scores.length === 0) return 0;
  return Math.round((100 * scores.reduce((a, b) => a + b, 0)) / scores.length);
}
