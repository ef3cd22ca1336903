import { describe, expect, it } from 'vitest';
import { aKey, aUser } from '../compliance-fixtures.testing.js';
import { accessRolesEvidence } from './access-roles-evidence.js';

const NOW = 1_000_000;
const admins = (n: number) => Array.from({ length: n }, (_, i) => aUser(`admin${i}`, 'admin'));

describe('accessRolesEvidence', () => {
  it('lists users per role and the API keys in force with their scopes', () => {
    const evidence = accessRolesEvidence(
      [aUser('alice', 'admin'), aUser('bob', 'operator'), aUser('carol', 'operator', { disabled: true })],
      [
        aKey('k1', 'analyst', { scopes: ['events:read', 'audit:read'], name: 'siem' }),
        aKey('k2', 'operator', { revoked: true }),
        aKey('k3', 'viewer', { expires: NOW - 1 }),
      ],
      NOW,
    );
    expect(evidence.status).toBe('pass');
    expect(evidence.details).toContainEqual({ label: 'admins', value: 'alice' });
    expect(evidence.details).toContainEqual({ label: 'operators', value: 'bob' });
    expect(evidence.details).toContainEqual({ label: 'disabled accounts', value: '1' });
    expect(evidence.details).toContainEqual({ label: 'API keys in force', value: '1' });
    expect(evidence.details).toContainEqual({
      label: 'API key siem (k1)',
      value: 'analyst; scopes: events:read, audit:read; never expires',
    });
    expect(evidence.details).toContainEqual({ label: 'API keys revoked or expired', value: '2' });
  });

  it.each([
    [0, 'warn', /no account holds the admin role/],
    [1, 'pass', /1 admin\b/],
    [3, 'pass', /3 admins/],
    [4, 'warn', /4 accounts hold the admin role \(more than 3\)/],
  ] as const)('with %i admins: %s', (count, status, finding) => {
    const evidence = accessRolesEvidence([...admins(count), aUser('bob', 'viewer')], [], NOW);
    expect(evidence.status).toBe(status);
    expect(evidence.finding).toMatch(finding);
  });

  it('warns of an admin API key that no scope narrows', () => {
    const evidence = accessRolesEvidence(admins(1), [aKey('k1', 'admin')], NOW);
    expect(evidence.status).toBe('warn');
    expect(evidence.finding).toContain('1 admin API key without narrowing scopes');
  });
});
