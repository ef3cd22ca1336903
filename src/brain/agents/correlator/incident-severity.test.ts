import { describe, expect, it } from 'vitest';
import { incidentSeverity, type SeverityFacts, worseSeverity } from './incident-severity.js';

const facts = (over: Partial<SeverityFacts>): SeverityFacts => ({
  kind: 'client',
  eventCount: 1,
  clients: 1,
  categories: 1,
  passed: 0,
  canaryUsed: false,
  canaryElsewhere: false,
  loginSucceeded: false,
  ...over,
});

describe('incidentSeverity', () => {
  it.each([
    ['a few events', {}, 'low'],
    ['a hundred events', { eventCount: 100 }, 'medium'],
    ['two categories and ten events', { eventCount: 10, categories: 2 }, 'medium'],
    ['an attack that got through', { passed: 1 }, 'medium'],
    ['200 events from 50 addresses', { eventCount: 200, clients: 50 }, 'high'],
    [
      'a thousand events, four categories, some through',
      { eventCount: 1000, categories: 4, passed: 3 },
      'critical',
    ],
    ['a small campaign', { kind: 'campaign', clients: 5 }, 'medium'],
    ['a credential-stuffing run', { kind: 'credential-stuffing', eventCount: 12 }, 'medium'],
    ['a login won while stuffing', { kind: 'credential-stuffing', loginSucceeded: true }, 'critical'],
    ['a canary used by its intruder', { kind: 'canary', canaryUsed: true }, 'high'],
    ['a canary used from elsewhere', { kind: 'canary', canaryUsed: true, canaryElsewhere: true }, 'critical'],
  ] as const)('%s: %s', (_, over, expected) => {
    expect(incidentSeverity(facts(over))).toBe(expected);
  });

  it('picks the worse of two', () => {
    expect(worseSeverity('high', 'medium')).toBe('high');
    expect(worseSeverity('low', 'critical')).toBe('critical');
  });
});
