import type { ApiKey, AuditEntry, User } from '../../core/index.js';
import { PrivacyError } from './privacy-error.js';
import type { ExportedAccount, ExportedApiKey, PrivacyDeps } from './privacy-types.js';

/** Folds a username as the control plane stores it (NFKC, trimmed, lower case). */
export function foldName(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

/** The user by username; PrivacyError (`unknown-user`) when there is none. */
export async function findUser(deps: PrivacyDeps, username: string): Promise<User> {
  const user = await deps.stores.users.findByUsername(username);
  if (user === undefined) throw new PrivacyError('unknown-user', `there is no user "${username}"`);
  return user;
}

/** The API keys a user created. */
export async function keysOf(deps: PrivacyDeps, user: User): Promise<ApiKey[]> {
  const creator = `user:${user.username}`;
  return (await deps.stores.apiKeys.list()).filter((key) => key.createdBy === creator);
}

/** The account without its secrets. */
export function exportedAccount(user: User): ExportedAccount {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    mfaEnabled: user.mfaEnabled,
    recoveryCodesLeft: user.recoveryCodes.length,
    failedLogins: user.failedLogins,
    lockedUntil: user.lockedUntil,
    created: user.created,
    lastLogin: user.lastLogin,
    disabled: user.disabled,
  };
}

/** The key without its secret's hash. */
export function exportedKey(key: ApiKey): ExportedApiKey {
  const { secretHash: _secretHash, ...rest } = key;
  return rest;
}

/** Whether an audit entry was made by the user or one of their keys, or names the user as its target. */
export function auditOfUser(user: User, keys: readonly ApiKey[]): (entry: AuditEntry) => boolean {
  const actors = new Set([`user:${user.username}`, ...keys.map((key) => `apikey:${key.id}`)]);
  return (entry) =>
    actors.has(entry.actor) || entry.target === user.username || entry.target === `user:${user.id}`;
}
