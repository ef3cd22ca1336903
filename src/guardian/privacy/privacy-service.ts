import type { User } from '../../core/index.js';
import { formatAddressBits, parseAddressBits } from './address-bits.js';
import { addressFingerprint, fingerprintKeyId } from './address-fingerprint.js';
import { decisionsOf, incidentsOf, intruderSessionsOf } from './address-records.js';
import { canonicalAddress } from './canonical-address.js';
import { type AddressCounts, eraseAddress } from './erase-address.js';
import { assertNotLastAdmin, eraseUser, type UserCounts } from './erase-user.js';
import { exportAddress } from './export-address.js';
import { exportUser } from './export-user.js';
import { PrivacyError } from './privacy-error.js';
import type {
  AddressExport,
  ErasureReport,
  PrivacyDeps,
  PrivacyRequester,
  PrivacySubject,
  UserExport,
} from './privacy-types.js';
import { findUser, foldName, keysOf } from './user-records.js';

/** Export and erasure of everything kept about an address or a user, each recorded in the audit log. */
export interface PrivacyService {
  /** Everything kept about the subject, as one document; records a `privacy.export` entry. */
  exportSubject(subject: PrivacySubject, by: PrivacyRequester): Promise<AddressExport | UserExport>;
  /** Removes what is kept about the subject; records a `privacy.erase` entry with the counts. */
  eraseSubject(subject: PrivacySubject, by: PrivacyRequester): Promise<ErasureReport>;
  /** How many records of each kind an erasure would remove now; reads only and records nothing. */
  preview(subject: PrivacySubject): Promise<Readonly<Record<string, number>>>;
}

const DEFAULT_MAX = 10_000;
const SAMPLE_LIMIT = 100_000;

type Resolved =
  | { readonly kind: 'ip'; readonly address: string }
  | { readonly kind: 'user'; readonly name: string };

function resolve(subject: PrivacySubject): Resolved {
  const fields = Object.keys(subject);
  if (fields.length !== 1)
    throw new PrivacyError(
      'invalid-subject',
      'name exactly one subject: an address (ip) or a username (user)',
    );
  if ('ip' in subject) return { kind: 'ip', address: canonicalAddress(String(subject.ip)) };
  const name = foldName(String(subject.user));
  if (name === '' || name.length > 128)
    throw new PrivacyError('invalid-subject', 'a username is 1 to 128 characters');
  return { kind: 'user', name };
}

/** The requester's address, unless it is the one being exported or erased: the audit log must not keep that. */
function requesterIp(by: PrivacyRequester, address: string | undefined): string {
  if (address === undefined) return by.ip;
  const bits = parseAddressBits(by.ip);
  return bits !== undefined && formatAddressBits(bits) === address ? '' : by.ip;
}

/**
 * Builds the privacy service over the stores, the running gateway's decisions and the audit log. The audit
 * entries never hold an address that is exported or erased: they name it by a keyed fingerprint
 * (`ip:<16 hex>`), and a user by id (`user:<id>`).
 * @example const privacy = createPrivacyService({ stores, decisions, audit, key });
 * await privacy.eraseSubject({ ip: '203.0.113.7' }, { actor: 'cli', ip: '' });
 */
export function createPrivacyService(deps: PrivacyDeps): PrivacyService {
  const max = deps.maxRecords ?? DEFAULT_MAX;
  const keyId = fingerprintKeyId(deps.key);
  const targetOf = (subject: Resolved, user?: User) =>
    subject.kind === 'ip' ? addressFingerprint(subject.address, deps.key) : `user:${user!.id}`;

  const record = (
    action: 'privacy.export' | 'privacy.erase',
    by: PrivacyRequester,
    target: string,
    outcome: 'success' | 'failure',
    details: Record<string, unknown>,
    address?: string,
  ) => deps.audit.append({ actor: by.actor, action, target, outcome, ip: requesterIp(by, address), details });

  return {
    async exportSubject(subject, by) {
      const resolved = resolve(subject);
      if (resolved.kind === 'ip') {
        const document = await exportAddress(deps, resolved.address, max);
        await record(
          'privacy.export',
          by,
          targetOf(resolved),
          'success',
          { subject: 'ip', keyId, records: sizes(document) },
          resolved.address,
        );
        return document;
      }
      const user = await findUser(deps, resolved.name);
      const document = await exportUser(deps, user, max);
      await record('privacy.export', by, targetOf(resolved, user), 'success', {
        subject: 'user',
        records: sizes(document),
      });
      return document;
    },

    async eraseSubject(subject, by) {
      const resolved = resolve(subject);
      if (resolved.kind === 'ip') {
        const target = targetOf(resolved);
        const counts: AddressCounts = {
          decisions: 0,
          events: 0,
          samples: 0,
          intruderSessions: 0,
          incidents: 0,
          agentMemory: 0,
        };
        let kept: readonly string[];
        try {
          kept = (await eraseAddress(deps, resolved.address, counts)).keptRanges;
        } catch (err) {
          await record(
            'privacy.erase',
            by,
            target,
            'failure',
            { subject: 'ip', keyId, counts },
            resolved.address,
          );
          throw err;
        }
        await record(
          'privacy.erase',
          by,
          target,
          'success',
          { subject: 'ip', keyId, counts, keptRangeDecisions: kept.length },
          resolved.address,
        );
        const notes = [
          'The audit log keeps its earlier entries: it is a security record and cannot be rewritten.',
          ...(kept.length > 0
            ? [
                `Decisions on ranges holding the address are kept (they are about a network): ${kept.join(', ')}`,
              ]
            : []),
        ];
        return { subject: 'ip', counts, target, notes };
      }
      const user = await findUser(deps, resolved.name);
      const target = targetOf(resolved, user);
      try {
        await assertNotLastAdmin(deps, user);
      } catch (err) {
        await record('privacy.erase', by, target, 'failure', { subject: 'user', refused: 'last-admin' });
        throw err;
      }
      const counts: UserCounts = { refreshTokens: 0, apiKeys: 0, mfaSecrets: 0, account: 0 };
      try {
        await eraseUser(deps, user, counts);
      } catch (err) {
        await record('privacy.erase', by, target, 'failure', { subject: 'user', counts });
        throw err;
      }
      await record('privacy.erase', by, target, 'success', { subject: 'user', counts });
      return {
        subject: 'user',
        counts,
        target,
        notes: [
          'The audit log keeps its earlier entries, which name the user: it is a security record and cannot be rewritten.',
        ],
      };
    },

    async preview(subject): Promise<Record<string, number>> {
      const resolved = resolve(subject);
      if (resolved.kind === 'user') {
        const user = await findUser(deps, resolved.name);
        return {
          account: 1,
          apiKeys: (await keysOf(deps, user)).length,
          mfaSecrets: user.mfaEnabled ? 1 : 0,
        };
      }
      const { address } = resolved;
      const { stores } = deps;
      return {
        decisions: (await decisionsOf(deps, address)).exact.length,
        events: await stores.events.count({ client: address }),
        samples: (await stores.samples.list({ client: address, limit: SAMPLE_LIMIT })).length,
        intruderSessions: (await intruderSessionsOf(deps, address, SAMPLE_LIMIT)).items.length,
        incidents: (await incidentsOf(deps, address, SAMPLE_LIMIT)).items.length,
      };
    },
  };
}

/** How many records each section of an export holds. */
function sizes(document: AddressExport | UserExport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(document))
    if (value !== null && typeof value === 'object' && 'items' in value)
      out[name] = (value as { items: readonly unknown[] }).items.length;
  return out;
}
