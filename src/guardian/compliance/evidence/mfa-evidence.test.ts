import { describe, expect, it } from 'vitest';
import { aUser } from '../compliance-fixtures.testing.js';
import { mfaEvidence } from './mfa-evidence.js';

describe('mfaEvidence', () => {
  it('passes when everyone who can sign in uses MFA; disabled accounts do not count', () => {
    const evidence = mfaEvidence([
      aUser('alice', 'admin', { mfaEnabled: true }),
      aUser('bob', 'viewer', { mfaEnabled: true }),
      aUser('old', 'admin', { disabled: true }),
    ]);
    expect(evidence.status).toBe('pass');
    expect(evidence.details).toContainEqual({ label: 'accounts with MFA', value: '2 of 2' });
    expect(evidence.details).toContainEqual({ label: 'disabled accounts (not counted)', value: '1' });
  });

  it('warns and names those without MFA', () => {
    const evidence = mfaEvidence([aUser('alice', 'admin', { mfaEnabled: true }), aUser('bob', 'operator')]);
    expect(evidence.status).toBe('warn');
    expect(evidence.finding).toContain('bob');
    expect(evidence.details).toContainEqual({ label: 'without MFA', value: 'bob (operator)' });
  });

  it('fails for an admin without MFA', () => {
    const evidence = mfaEvidence([aUser('alice', 'admin'), aUser('bob', 'operator', { mfaEnabled: true })]);
    expect(evidence.status).toBe('fail');
    expect(evidence.finding).toMatch(/1 admin can sign in without a second factor: alice/);
  });

  it('judges nothing when no account can sign in', () => {
    expect(mfaEvidence([]).status).toBe('info');
  });
});
