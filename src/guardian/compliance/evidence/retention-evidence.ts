import type { Evidence } from '../evidence.js';
import { detail } from '../evidence-text.js';

/** How long each kind of record is kept, in days, as configured. */
export interface RetentionFacts {
  /** Whether security events are stored at all. */
  readonly events: boolean;
  readonly eventsDays: number;
  /** Whether a request sample is kept at all. */
  readonly samples: boolean;
  readonly samplesDays: number;
  readonly incidentsDays: number;
  readonly intrudersDays: number;
  readonly changesDays: number;
}

/** Longest retention of records about clients before it is worth a look. */
export const MAX_RETENTION_DAYS = 365;

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/**
 * Storage limitation: each kind of record has a retention period; records about clients kept longer than a
 * year are a warn. The audit log is kept whole, as its chain requires.
 */
export function retentionEvidence(facts: RetentionFacts): Evidence {
  const base = { id: 'retention', title: 'Retention and deletion' } as const;
  const periods: [string, string, boolean, number][] = [
    ['security events', 'store.events.retentionDays', facts.events, facts.eventsDays],
    ['request samples', 'privacy.retentionDays.samples', facts.samples, facts.samplesDays],
    ['incidents', 'privacy.retentionDays.incidents', true, facts.incidentsDays],
    ['intruder sessions', 'privacy.retentionDays.intruders', true, facts.intrudersDays],
  ];
  const details = [
    ...periods.map(([what, option, kept, n]) => detail(what, kept ? `${days(n)} (${option})` : 'not stored')),
    detail('decided change requests', `${days(facts.changesDays)} (privacy.retentionDays.changes)`),
    detail('audit log', 'kept whole: entries are never deleted, and a removal breaks the chain'),
  ];
  const long = periods.filter(([, , kept, n]) => kept && n > MAX_RETENTION_DAYS);
  if (long.length > 0)
    return {
      ...base,
      status: 'warn',
      finding: `Kept longer than ${MAX_RETENTION_DAYS} days: ${long.map(([what, , , n]) => `${what} (${days(n)})`).join(', ')}.`,
      details,
    };
  return {
    ...base,
    status: 'pass',
    finding: `Records about clients are deleted after at most ${days(Math.max(...periods.filter(([, , kept]) => kept).map(([, , , n]) => n)))}; the audit log is kept.`,
    details,
  };
}
