import { describe, expect, it } from 'vitest';
import { type ComplianceStatus, countStatuses, worstStatus } from './compliance-status.js';

describe('worstStatus', () => {
  const cases: [ComplianceStatus[], ComplianceStatus][] = [
    [[], 'info'],
    [['info'], 'info'],
    [['pass', 'info'], 'pass'],
    [['info', 'pass', 'pass'], 'pass'],
    [['pass', 'warn', 'info'], 'warn'],
    [['warn', 'fail', 'pass'], 'fail'],
    [['fail', 'warn'], 'fail'],
    [['info', 'fail'], 'fail'],
  ];
  it.each(cases)('of %j is %s', (statuses, worst) => {
    expect(worstStatus(statuses)).toBe(worst);
  });
});

describe('countStatuses', () => {
  it('counts each status, naming every one', () => {
    expect(countStatuses(['pass', 'fail', 'pass', 'info'])).toEqual({ pass: 2, warn: 0, fail: 1, info: 1 });
    expect(countStatuses([])).toEqual({ pass: 0, warn: 0, fail: 0, info: 0 });
  });
});
