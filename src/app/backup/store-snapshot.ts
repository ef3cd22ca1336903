import { InfinisecError } from '../../core/index.js';
import type { AuditHead } from '../../store/index.js';
import { type BackupManifest, TABLE_NAME } from './backup-manifest.js';
import type { PartSource } from './write-backup-file.js';

/** What a backup took from the store: its parts and what the manifest says of them. */
export interface StoreSnapshot {
  readonly parts: readonly PartSource[];
  /** The store's schema version: SQLite's `user_version`, or the last PostgreSQL migration applied. */
  readonly schemaVersion: number;
  /** Rows per table. */
  readonly tables: Readonly<Record<string, number>>;
  readonly audit: BackupManifest['audit'];
}

/** The audit chain's length and head, as the `audit` and `audit_head` tables of a snapshot have them. */
export function auditFacts(
  tables: Readonly<Record<string, number>>,
  head: AuditHead | undefined,
): BackupManifest['audit'] {
  return { entries: tables.audit ?? 0, head: head === undefined ? null : { seq: head.seq, hash: head.hash } };
}

/** Throws for a table whose name a backup cannot carry (it names a part and is quoted in SQL). */
export function assertTableName(table: string): string {
  if (!TABLE_NAME.test(table))
    throw new InfinisecError(
      'INFINISEC_ERR_STORE',
      'backup',
      `the table "${table}" has a name a backup cannot hold (letters, digits and _ only)`,
    );
  return table;
}
