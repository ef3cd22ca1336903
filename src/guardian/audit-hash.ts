import { createHash } from 'node:crypto';
import type { AuditEntry } from '../core/index.js';
import { canonicalJson } from './canonical-json.js';

/** The prevHash of the first entry: 128 zeros. */
export const GENESIS_HASH = '0'.repeat(128);

/**
 * SHA-512 hex over the canonical JSON of [prevHash, seq, time, actor, action, target, outcome, ip, details]:
 * an array, so no field can bleed into the next, and details with sorted keys, so their order never matters.
 */
export function auditHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { prevHash, seq, time, actor, action, target, outcome, ip, details } = entry;
  return createHash('sha512')
    .update(canonicalJson([prevHash, seq, time, actor, action, target, outcome, ip, details]))
    .digest('hex');
}
