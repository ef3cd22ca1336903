import type { User } from '../../core/index.js';
import { PrivacyError } from './privacy-error.js';
import type { PrivacyDeps } from './privacy-types.js';
import { keysOf } from './user-records.js';

/** Counts of what a user erasure removed, filled in as it goes. */
export type UserCounts = Record<'refreshTokens' | 'apiKeys' | 'mfaSecrets' | 'account', number>;

/** Refuses to erase the last enabled admin: nobody could manage the control plane after. */
export async function assertNotLastAdmin(deps: PrivacyDeps, user: User): Promise<void> {
  if (user.role !== 'admin') return;
  const others = (await deps.stores.users.list()).filter(
    (u) => u.role === 'admin' && !u.disabled && u.id !== user.id,
  );
  if (others.length === 0)
    throw new PrivacyError(
      'last-admin',
      `"${user.username}" is the last enabled admin: give another user the admin role before erasing this one`,
    );
}

/** Erases a user: their logins (refresh tokens revoked), the API keys they created, their MFA seed, the account. */
export async function eraseUser(deps: PrivacyDeps, user: User, counts: UserCounts): Promise<void> {
  const { stores } = deps;
  counts.refreshTokens += await stores.refreshTokens.revokeUser(user.id);
  for (const key of await keysOf(deps, user)) if (await stores.apiKeys.remove(key.id)) counts.apiKeys++;
  // The names the control plane keeps a user's second-factor seeds under, enrolled and pending.
  for (const name of [`totp:${user.id}`, `totp-pending:${user.id}`])
    if (await stores.secrets.remove(name)) counts.mfaSecrets++;
  if (await stores.users.remove(user.id)) counts.account++;
}
