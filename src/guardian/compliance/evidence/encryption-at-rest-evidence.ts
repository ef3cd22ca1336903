import type { Evidence, EvidenceDetail } from '../evidence.js';
import { detail, plural } from '../evidence-text.js';

/** A file and its permission bits; `mode` undefined when it does not exist. */
export interface FileFacts {
  readonly path: string;
  readonly mode: number | undefined;
}

/** What is on disk and how it is protected. */
export interface AtRestFacts {
  readonly driver: 'sqlite' | 'postgres' | 'memory';
  /** Sealed secrets by the id of the key that sealed them. */
  readonly sealedByKey: Readonly<Record<string, number>>;
  /** Where the secret key comes from: the environment, a key file under the data dir, or the process alone. */
  readonly key:
    | { readonly source: 'env' }
    | { readonly source: 'memory' }
    | ({ readonly source: 'file' } & FileFacts);
  /** A key rotation that stopped before its last step left its new key behind. */
  readonly pendingRotation: boolean;
  /** The SQLite database and its journal files. */
  readonly databaseFiles: readonly FileFacts[];
}

const octal = (mode: number) => `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
// Any permission for the group or others.
const shared = (file: FileFacts) => file.mode !== undefined && (file.mode & 0o077) !== 0;

function keyLine(key: AtRestFacts['key']): string {
  if (key.source === 'env') return 'from the environment (INFINISEC_SECRET_KEY)';
  if (key.source === 'memory') return 'random, held by the process only';
  return key.mode === undefined
    ? `key file ${key.path}, not made yet (made at first start)`
    : `key file ${key.path}, mode ${octal(key.mode)}`;
}

/**
 * Encryption at rest: secrets are sealed (AES-256-GCM) and the key file and database are private to their
 * owner, but the database itself is not encrypted, so this is a warn at best: disk encryption is relied on.
 * A key file or database others can read fails.
 */
export function encryptionAtRestEvidence(facts: AtRestFacts): Evidence {
  const base = { id: 'encryption-at-rest', title: 'Encryption at rest' } as const;
  const sealed = Object.values(facts.sealedByKey).reduce((a, b) => a + b, 0);
  const keyIds = Object.entries(facts.sealedByKey).map(([id, n]) => `${id} (${n})`);
  const details: EvidenceDetail[] = [
    detail('secrets sealed', `${sealed}, AES-256-GCM with a random IV each, bound to their names`),
    ...(keyIds.length > 0 ? [detail('sealed under key ids', keyIds.join(', '))] : []),
    detail('secret key', keyLine(facts.key)),
    ...(facts.pendingRotation ? [detail('key rotation', 'unfinished: secret.key.next is present')] : []),
    ...facts.databaseFiles
      .filter((f) => f.mode !== undefined)
      .map((f) => detail(`database file ${f.path}`, `mode ${octal(f.mode!)}`)),
    detail(
      'database contents',
      facts.driver === 'memory'
        ? 'kept in memory only'
        : facts.driver === 'postgres'
          ? 'not encrypted by infinisec: the PostgreSQL server and its disks are relied on'
          : 'not encrypted by infinisec: disk encryption is relied on',
    ),
    detail('passwords and API keys', 'stored as argon2id and SHA-256 digests, never in the clear'),
  ];
  const open = [
    ...(facts.key.source === 'file' && shared(facts.key) ? [facts.key] : []),
    ...facts.databaseFiles.filter(shared),
  ];
  if (open.length > 0)
    return {
      ...base,
      status: 'fail',
      finding: `Readable beyond its owner: ${open.map((f) => `${f.path} (mode ${octal(f.mode!)})`).join(', ')}; make it mode 0600.`,
      details,
    };
  if (facts.driver === 'memory')
    return {
      ...base,
      status: 'info',
      finding: 'Nothing is written to disk: the store is in memory (store.driver memory).',
      details,
    };
  const rotation = facts.pendingRotation
    ? ' A key rotation is unfinished: run `infinisec secrets rotate-key` again.'
    : '';
  return {
    ...base,
    status: 'warn',
    finding: `${plural(sealed, 'secret is', 'secrets are')} sealed with AES-256-GCM; the event database itself is not encrypted, so disk encryption is relied on.${rotation}`,
    details,
  };
}
