/** How a piece of evidence or a control stands: met, to look at, not met, or a fact that judges nothing. */
export const COMPLIANCE_STATUSES = ['pass', 'warn', 'fail', 'info'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

// Worst last; `info` says nothing either way, so any judgement outranks it.
const RANK: Readonly<Record<ComplianceStatus, number>> = { info: 0, pass: 1, warn: 2, fail: 3 };

/**
 * The worst of some statuses: `fail` over `warn` over `pass` over `info`; `info` when there are none.
 * @example worstStatus(['pass', 'warn', 'info']) // 'warn'
 */
export function worstStatus(statuses: Iterable<ComplianceStatus>): ComplianceStatus {
  let worst: ComplianceStatus = 'info';
  for (const status of statuses) if (RANK[status] > RANK[worst]) worst = status;
  return worst;
}

/** How many of each status there are, every status present (0 when none). */
export function countStatuses(statuses: Iterable<ComplianceStatus>): Record<ComplianceStatus, number> {
  const counts: Record<ComplianceStatus, number> = { pass: 0, warn: 0, fail: 0, info: 0 };
  for (const status of statuses) counts[status]++;
  return counts;
}
