import { join } from 'node:path';
import { type AuditHead, openSqlite } from '../../store/index.js';
import { DATABASE_PART } from './backup-manifest.js';
import { sqliteSchemaVersion, sqliteTableCounts } from './sqlite-tables.js';
import { auditFacts, type StoreSnapshot } from './store-snapshot.js';

const ALL_PAGES = 0x7fffffff;

/**
 * Copies the SQLite database at `file` into `workDir` with SQLite's online backup, which gives a consistent
 * copy while the gateway writes; the copy leaves WAL mode, to be one self-contained file.
 */
export async function snapshotSqlite(file: string, workDir: string): Promise<StoreSnapshot> {
  const copy = join(workDir, DATABASE_PART);
  const source = openSqlite(file);
  try {
    // Every page in one step, so in one read transaction: in WAL mode the gateway's writes meanwhile neither
    // wait for it nor restart it, as they would between steps of a few pages.
    await source.backup(copy, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  const db = openSqlite(copy);
  try {
    db.pragma('journal_mode = DELETE');
    const tables = sqliteTableCounts(db);
    const head =
      tables.audit_head === undefined
        ? undefined
        : (db.prepare('SELECT seq, hash FROM audit_head WHERE one = 1').get() as AuditHead | undefined);
    return {
      parts: [{ name: DATABASE_PART, path: copy }],
      schemaVersion: sqliteSchemaVersion(db),
      tables,
      audit: auditFacts(tables, head),
    };
  } finally {
    db.close();
  }
}
