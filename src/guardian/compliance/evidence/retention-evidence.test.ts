import { describe, expect, it } from 'vitest';
import { type RetentionFacts, retentionEvidence } from './retention-evidence.js';

const facts = (overrides: Partial<RetentionFacts> = {}): RetentionFacts => ({
  events: true,
  eventsDays: 30,
  samples: true,
  samplesDays: 7,
  incidentsDays: 90,
  intrudersDays: 30,
  changesDays: 365,
  ...overrides,
});

describe('retentionEvidence', () => {
  it('passes with every period within a year, and says the audit log is kept', () => {
    const evidence = retentionEvidence(facts());
    expect(evidence.status).toBe('pass');
    expect(evidence.finding).toContain('at most 90 days');
    expect(evidence.details).toContainEqual({
      label: 'security events',
      value: '30 days (store.events.retentionDays)',
    });
    expect(evidence.details.find((d) => d.label === 'audit log')?.value).toMatch(/kept whole/);
  });

  it('warns of records about clients kept over a year; what is not stored does not count', () => {
    expect(retentionEvidence(facts({ eventsDays: 400 })).finding).toContain('security events (400 days)');
    expect(retentionEvidence(facts({ eventsDays: 400, events: false })).status).toBe('pass');
  });
});
