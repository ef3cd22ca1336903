import { describe, expect, it } from 'vitest';
import { createAlertRules } from './alert-rule-registry.js';

describe('createAlertRules', () => {
  it('runs every rule by default, in a fixed order', () => {
    expect(createAlertRules().map((r) => r.name)).toEqual([
      'canary-used',
      'attack-wave',
      'incident-high',
      'upstream-down',
      'audit-chain-broken',
    ]);
  });

  it('turns rules off with false and passes options through (validated by each factory)', () => {
    const rules = createAlertRules({
      'upstream-down': false,
      'audit-chain-broken': false,
      'attack-wave': { minAttacks: 5 },
    });
    expect(rules.map((r) => r.name)).toEqual(['canary-used', 'attack-wave', 'incident-high']);
    expect(() => createAlertRules({ 'attack-wave': { minAttacks: -1 } })).toThrow(/minAttacks/);
  });

  it('refuses an unknown rule', () => {
    expect(() => createAlertRules({ 'disk-full': {} } as never)).toThrow(/unknown rule disk-full/);
  });
});
