import { describe, expect, it } from 'vitest';
import { createAuditChainBrokenRule } from './audit-chain-broken-rule.js';

describe('audit-chain-broken rule', () => {
  it('raises an alert for a chain that does not verify, grouped by the break', () => {
    const rule = createAuditChainBrokenRule();
    const check = {
      ok: false,
      entries: 41,
      problem: { kind: 'changed', seq: 42, message: 'entry 42 was changed' },
    };
    const [alert] = rule.observe({ kind: 'audit', check }, 5000);
    expect(alert).toMatchObject({
      rule: 'audit-chain-broken',
      severity: 'critical',
      site: '',
      subject: 'changed@42',
      time: 5000,
    });
    expect(alert?.facts).toContainEqual({ label: 'Entries verified before it', value: '41' });
    expect(alert?.facts).toContainEqual({ label: 'Detail', value: 'entry 42 was changed' });
  });

  it('stays quiet for an intact chain', () => {
    expect(
      createAuditChainBrokenRule().observe({ kind: 'audit', check: { ok: true, entries: 10 } }, 0),
    ).toEqual([]);
  });
});
