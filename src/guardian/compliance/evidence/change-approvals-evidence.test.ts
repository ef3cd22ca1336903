import { describe, expect, it } from 'vitest';
import { changeApprovalsEvidence } from './change-approvals-evidence.js';

const facts = {
  approvers: 2,
  expireHours: 72,
  versions: 4,
  latest: { time: Date.UTC(2024, 4, 1), author: 'user:alice' },
};

describe('changeApprovalsEvidence', () => {
  it('passes with approvals on, naming how many a change needs', () => {
    const evidence = changeApprovalsEvidence({ ...facts, approvals: true });
    expect(evidence.status).toBe('pass');
    expect(evidence.finding).toContain('2 approvals');
    expect(evidence.details).toContainEqual({
      label: 'latest version',
      value: '2024-05-01 00:00:00 UTC by user:alice',
    });
  });

  it('warns with approvals off', () => {
    const evidence = changeApprovalsEvidence({ ...facts, approvals: false });
    expect(evidence.status).toBe('warn');
    expect(evidence.details.map((d) => d.label)).not.toContain('approvals a high-impact change needs');
  });
});
