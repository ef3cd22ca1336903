import { type ApiKey, ROLES, type User } from '../../../core/index.js';
import type { Evidence, EvidenceDetail } from '../evidence.js';
import { detail, plural, utcTime } from '../evidence-text.js';
import { listed } from './listed.js';

/** Most admins before their number is worth a look. */
export const MAX_ADMINS = 3;
// API keys listed one by one; past this, a count.
const KEYS_LISTED = 25;

function keyRow(key: ApiKey): EvidenceDetail {
  const scopes = key.scopes.length === 0 ? `every permission of ${key.role}` : key.scopes.join(', ');
  const expires = key.expires === null ? 'never expires' : `expires ${utcTime(key.expires)}`;
  return detail(`API key ${key.name} (${key.id})`, `${key.role}; scopes: ${scopes}; ${expires}`);
}

/**
 * Who holds which role, and the API keys in force with their scopes: no admin, or more than three, is a
 * warn; so is an API key with the admin role and no narrowing scopes.
 */
export function accessRolesEvidence(users: readonly User[], keys: readonly ApiKey[], now: number): Evidence {
  const base = { id: 'access-roles', title: 'Roles and access rights' } as const;
  const active = users.filter((u) => !u.disabled);
  const inForce = keys.filter((k) => !k.revoked && (k.expires === null || k.expires > now));
  const admins = active.filter((u) => u.role === 'admin');
  const broadKeys = inForce.filter((k) => k.role === 'admin' && k.scopes.length === 0);
  const details: EvidenceDetail[] = [
    ...ROLES.toReversed().map((role) =>
      detail(`${role}s`, listed(active.filter((u) => u.role === role).map((u) => u.username))),
    ),
    detail('disabled accounts', users.length - active.length),
    detail('API keys in force', inForce.length),
    ...inForce.slice(0, KEYS_LISTED).map(keyRow),
    ...(inForce.length > KEYS_LISTED ? [detail('further API keys', inForce.length - KEYS_LISTED)] : []),
    detail('API keys revoked or expired', keys.length - inForce.length),
  ];
  const problems: string[] = [];
  if (admins.length === 0) problems.push('no account holds the admin role');
  if (admins.length > MAX_ADMINS)
    problems.push(`${admins.length} accounts hold the admin role (more than ${MAX_ADMINS})`);
  if (broadKeys.length > 0)
    problems.push(`${plural(broadKeys.length, 'admin API key')} without narrowing scopes`);
  const summary = `${plural(active.length, 'account')} (${plural(admins.length, 'admin')}), ${plural(inForce.length, 'API key')} in force`;
  return problems.length > 0
    ? { ...base, status: 'warn', finding: `${summary}: ${problems.join('; ')}.`, details }
    : { ...base, status: 'pass', finding: `${summary}; every permission follows from a role.`, details };
}
