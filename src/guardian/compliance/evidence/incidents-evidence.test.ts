import { describe, expect, it } from 'vitest';
import { anIncident } from '../compliance-fixtures.testing.js';
import { incidentsEvidence } from './incidents-evidence.js';

describe('incidentsEvidence', () => {
  it('passes with nothing open', () => {
    const evidence = incidentsEvidence([anIncident('i1', { status: 'contained', severity: 'critical' })]);
    expect(evidence.status).toBe('pass');
    expect(evidence.details).toContainEqual({
      label: 'contained',
      value: '1 (critical 1, high 0, medium 0, low 0)',
    });
  });

  it('passes with only low and medium incidents open', () => {
    expect(incidentsEvidence([anIncident('i1'), anIncident('i2', { severity: 'low' })]).status).toBe('pass');
  });

  it('warns for a high one open, fails for a critical one open, and names them', () => {
    expect(incidentsEvidence([anIncident('i1', { severity: 'high' })]).status).toBe('warn');
    const evidence = incidentsEvidence([
      anIncident('i1', { severity: 'high' }),
      anIncident('i2', { severity: 'critical', title: 'SQL injection campaign' }),
    ]);
    expect(evidence.status).toBe('fail');
    expect(evidence.finding).toContain('1 critical incident is still open');
    expect(evidence.details).toContainEqual(
      expect.objectContaining({
        label: 'open critical incident i2',
        value: expect.stringContaining('SQL injection campaign'),
      }),
    );
  });
});
