import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditHead, PostgresDatabase, PostgresQueryable } from '../../store/index.js';
import { tablePart } from './backup-manifest.js';
import { postgresSchemaVersion, postgresTables, qualified } from './postgres-tables.js';
import { auditFacts, type StoreSnapshot } from './store-snapshot.js';

const FETCH_ROWS = 1000;

// Row by row through a cursor, a page at a time: a table of any size exports in little memory.
async function exportTable(tx: PostgresQueryable, schema: string, table: string, path: string) {
  await tx.query(
    `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${qualified(schema, table)} t`,
  );
  const out = await open(path, 'wx', 0o600);
  let rows = 0;
  try {
    for (;;) {
      const page = await tx.query<{ row: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
      if (page.rows.length === 0) break;
      await out.write(`${page.rows.map((r) => r.row).join('\n')}\n`);
      rows += page.rows.length;
    }
  } finally {
    await out.close();
  }
  await tx.query('CLOSE backup_rows');
  return rows;
}

/**
 * Exports every table of `schema` as JSON Lines (one `row_to_json` per row) into `workDir`, all in one
 * read-only snapshot: the tables agree with each other as of one instant, while the gateway goes on writing.
 */
export function snapshotPostgres(
  db: PostgresDatabase,
  schema: string,
  workDir: string,
): Promise<StoreSnapshot> {
  return db.transaction(
    async (tx) => {
      const names = await postgresTables(tx, schema);
      const schemaVersion = await postgresSchemaVersion(tx, schema);
      await mkdir(join(workDir, 'tables'), { mode: 0o700 });
      const tables: Record<string, number> = {};
      const parts = [];
      for (const table of names) {
        const path = join(workDir, tablePart(table));
        tables[table] = await exportTable(tx, schema, table, path);
        parts.push({ name: tablePart(table), path });
      }
      const head =
        tables.audit_head === undefined
          ? undefined
          : (await tx.query<AuditHead>(`SELECT seq, hash FROM ${qualified(schema, 'audit_head')}`)).rows[0];
      return { parts, schemaVersion, tables, audit: auditFacts(tables, head) };
    },
    { snapshot: true },
  );
}
