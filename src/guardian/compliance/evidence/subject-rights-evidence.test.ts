import { describe, expect, it } from 'vitest';
import { subjectRightsEvidence } from './subject-rights-evidence.js';

const none = { count: 0, last: undefined };

describe('subjectRightsEvidence', () => {
  it('states who may serve requests and what was served', () => {
    const evidence = subjectRightsEvidence({
      holders: ['alice'],
      erasures: { count: 2, last: Date.UTC(2024, 4, 1) },
      exports: none,
    });
    expect(evidence.status).toBe('info');
    expect(evidence.details).toContainEqual({
      label: 'erasures (privacy.erase)',
      value: '2, the last at 2024-05-01 00:00:00 UTC',
    });
  });

  it('warns when no account may serve them', () => {
    expect(subjectRightsEvidence({ holders: [], erasures: none, exports: none }).status).toBe('warn');
  });
});
