import type { User } from '../../core/index.js';
import { collectAudit } from './collect-audit.js';
import { sectionOf } from './export-section.js';
import type { PrivacyDeps, UserExport } from './privacy-types.js';
import { auditOfUser, exportedAccount, exportedKey, keysOf } from './user-records.js';

const NOTES = [
  'The password hash, the second-factor seed and the recovery codes are secrets: they are never exported.',
  'API keys are shown without their secrets.',
];

/** Everything kept about a user, at most `max` records of each kind. */
export async function exportUser(deps: PrivacyDeps, user: User, max: number): Promise<UserExport> {
  const clock = deps.clock ?? Date.now;
  const keys = await keysOf(deps, user);
  return {
    subject: { user: user.username, id: user.id },
    generated: new Date(clock()).toISOString(),
    account: exportedAccount(user),
    apiKeys: sectionOf(keys.map(exportedKey), max, 'API keys'),
    audit: await collectAudit(deps.stores.audit, auditOfUser(user, keys), max),
    notes: NOTES,
  };
}
