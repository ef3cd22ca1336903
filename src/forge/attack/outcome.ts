/**
 * What became of one request, read from the target's answer. Every outcome but `passed` and `error` is the
 * defence answering: `timeout` is a client held without an answer (a tarpit) until its time ran out.
 */
export const OUTCOMES = [
  'blocked',
  'challenged',
  'trapped',
  'rateLimited',
  'timeout',
  'error',
  'passed',
] as const;

/** One of OUTCOMES. */
export type Outcome = (typeof OUTCOMES)[number];

/** How the outcomes read in tables. */
export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  blocked: 'blocked',
  challenged: 'challenged',
  trapped: 'trapped',
  rateLimited: 'rate-limited',
  timeout: 'timeout',
  error: 'error',
  passed: 'passed',
};

/** Counts per outcome. */
export type OutcomeCounts = Record<Outcome, number>;

/** True when the defence answered the request itself. */
export function isAnswered(outcome: Outcome): boolean {
  return outcome !== 'passed' && outcome !== 'error';
}

/** Zero of every outcome. */
export function emptyCounts(): OutcomeCounts {
  return { blocked: 0, challenged: 0, trapped: 0, rateLimited: 0, timeout: 0, error: 0, passed: 0 };
}
