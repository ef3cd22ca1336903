import { describe, expect, it } from 'vitest';
import { canaryUse } from '../alert-fixture.testing.js';
import { createCanaryUsedRule } from './canary-used-rule.js';

describe('canary-used rule', () => {
  it('raises one alert per canary use, grouped by the intruder it was served to', () => {
    const rule = createCanaryUsedRule();
    const [alert, ...rest] = rule.observe({ kind: 'canary', use: canaryUse('1a2b3c4d', 1000) }, 1000);
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({
      rule: 'canary-used',
      severity: 'critical',
      site: 'shop',
      subject: '1a2b3c4d',
      time: 1000,
    });
    expect(alert?.facts).toContainEqual({ label: 'Found in', value: 'header.authorization' });
    expect(alert?.facts).toContainEqual({ label: 'Client', value: '198.51.100.7' });
  });

  it('cleans what the attacker chose: its user agent cannot add lines', () => {
    const rule = createCanaryUsedRule({ severity: 'warning' });
    const use = canaryUse('1a2b3c4d', 1, {
      client: {
        ip: '198.51.100.7',
        prefix: '198.51.100.7',
        fingerprint: '',
        userAgent: `x\r\nFake: line${'A'.repeat(1000)}`,
      },
    });
    const [alert] = rule.observe({ kind: 'canary', use }, 1);
    const agent = alert?.facts.find((f) => f.label === 'User agent')?.value ?? '';
    expect(agent).not.toMatch(/[\r\n]/);
    expect(Array.from(agent).length).toBeLessThanOrEqual(160);
    expect(alert?.severity).toBe('warning');
  });

  it('ignores other signals and refuses a bad severity', () => {
    expect(createCanaryUsedRule().observe({ kind: 'audit', check: { ok: false, entries: 1 } }, 0)).toEqual(
      [],
    );
    expect(() => createCanaryUsedRule({ severity: 'loud' as never })).toThrow(/severity/);
  });
});
