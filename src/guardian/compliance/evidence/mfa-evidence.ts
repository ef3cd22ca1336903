import type { User } from '../../../core/index.js';
import type { Evidence } from '../evidence.js';
import { detail, plural } from '../evidence-text.js';

const named = (users: readonly User[]) => users.map((u) => `${u.username} (${u.role})`).join(', ');

/**
 * Second-factor coverage of the people who can sign in (disabled accounts aside): every one enrolled passes,
 * someone without MFA is a warn, an admin without MFA fails.
 */
export function mfaEvidence(users: readonly User[]): Evidence {
  const base = { id: 'mfa', title: 'Multi-factor authentication' } as const;
  const active = users.filter((u) => !u.disabled);
  const disabled = users.length - active.length;
  const without = active.filter((u) => !u.mfaEnabled);
  const adminsWithout = without.filter((u) => u.role === 'admin');
  const details = [
    detail('accounts with MFA', `${active.length - without.length} of ${active.length}`),
    detail('without MFA', without.length === 0 ? 'none' : named(without)),
    ...(disabled > 0 ? [detail('disabled accounts (not counted)', disabled)] : []),
    detail('second factor', 'TOTP (RFC 6238), single-use recovery codes stored hashed'),
  ];
  if (active.length === 0)
    return { ...base, status: 'info', finding: 'No account can sign in to the control plane.', details };
  if (adminsWithout.length > 0)
    return {
      ...base,
      status: 'fail',
      finding: `${plural(adminsWithout.length, 'admin')} can sign in without a second factor: ${adminsWithout.map((u) => u.username).join(', ')}.`,
      details,
    };
  if (without.length > 0)
    return {
      ...base,
      status: 'warn',
      finding: `${active.length - without.length} of ${plural(active.length, 'account')} use MFA; without it: ${without.map((u) => u.username).join(', ')}.`,
      details,
    };
  return {
    ...base,
    status: 'pass',
    finding:
      active.length === 1
        ? 'The one account that can sign in uses MFA.'
        : `All ${active.length} accounts that can sign in use MFA.`,
    details,
  };
}
