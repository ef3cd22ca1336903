import { StringDecoder } from 'node:string_decoder';
import { escapeIdentifier } from 'pg';
import { InfinisecError } from '../../core/index.js';
import type { PostgresQueryable } from '../../store/index.js';
import { qualified } from './postgres-tables.js';

// Rows per INSERT, and the most text one INSERT carries: whichever comes first.
const BATCH_ROWS = 500;
const BATCH_CHARS = 8 * 2 ** 20;

async function* lines(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of chunks) {
    const parts = (rest + decoder.write(chunk)).split('\n');
    rest = parts.pop()!;
    for (const line of parts) if (line !== '') yield line;
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

const storeError = (detail: string, cause?: unknown) =>
  new InfinisecError('INFINISEC_ERR_STORE', 'backup.postgres', detail, { cause });

// The columns a row can be given: generated ones are computed again.
async function insertableColumns(tx: PostgresQueryable, schema: string, table: string): Promise<string[]> {
  const found = await tx.query<{ oid: string | null }>('SELECT to_regclass($1)::oid::text AS oid', [
    qualified(schema, table),
  ]);
  const oid = found.rows[0]?.oid;
  if (oid === null || oid === undefined)
    throw storeError(`the backup holds the table ${table}, which this infinisec's schema does not have`);
  const columns = await tx.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
     WHERE attrelid = $1::oid AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
     ORDER BY attnum`,
    [oid],
  );
  return columns.rows.map((c) => c.name);
}

/**
 * Inserts a table's rows (JSON Lines of `row_to_json`) with `json_populate_record`, in batches, on the
 * connection of the restore's transaction; returns how many. Keys the table does not have are ignored and
 * columns the rows lack are left NULL, so a backup of an earlier schema fits a later one.
 */
export async function importTable(
  tx: PostgresQueryable,
  schema: string,
  table: string,
  rows: AsyncIterable<Buffer>,
): Promise<number> {
  const columns = await insertableColumns(tx, schema, table);
  const target = qualified(schema, table);
  const list = columns.map(escapeIdentifier).join(', ');
  const sql = `INSERT INTO ${target} (${list}) OVERRIDING SYSTEM VALUE
    SELECT ${columns.map((c) => `r.${escapeIdentifier(c)}`).join(', ')}
    FROM json_array_elements($1::json) AS e(v) CROSS JOIN LATERAL json_populate_record(NULL::${target}, e.v) AS r`;
  let batch: string[] = [];
  let chars = 0;
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    try {
      await tx.query(sql, [`[${batch.join(',')}]`]);
    } catch (err) {
      throw storeError(`rows of ${table} cannot be restored: ${(err as Error).message}`, err);
    }
    count += batch.length;
    batch = [];
    chars = 0;
  };
  for await (const line of lines(rows)) {
    batch.push(line);
    chars += line.length;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
  }
  await flush();
  return count;
}

/** Moves every sequence of `schema` (serial and identity columns) past the largest value restored. */
export async function resetSequences(tx: PostgresQueryable, schema: string): Promise<void> {
  const owned = await tx.query<{ table: string; column: string; sequence: string }>(
    `SELECT c.relname AS table, a.attname AS column,
            pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS sequence
     FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
    [schema],
  );
  for (const { table, column, sequence } of owned.rows) {
    if (sequence === null) continue;
    await tx.query(
      `SELECT setval($1::regclass, COALESCE((SELECT MAX(${escapeIdentifier(column)}) FROM ${qualified(schema, table)}), 0) + 1, false)`,
      [sequence],
    );
  }
}
