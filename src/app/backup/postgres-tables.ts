import { escapeIdentifier } from 'pg';
import type { PostgresQueryable } from '../../store/index.js';
import { assertTableName } from './store-snapshot.js';

/** The table in which the PostgreSQL store lists the migrations applied; the migrations make it, not backups. */
export const MIGRATIONS_TABLE = 'schema_migrations';

/** `"schema"."table"`, quoted. */
export const qualified = (schema: string, table: string): string =>
  `${escapeIdentifier(schema)}.${escapeIdentifier(table)}`;

/**
 * The tables of `schema` (partitions aside, the migrations' list too), parents before the tables whose
 * foreign keys point at them, so that rows restored in this order always find what they refer to.
 */
export async function postgresTables(db: PostgresQueryable, schema: string): Promise<string[]> {
  const tables = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> $2
     ORDER BY c.relname`,
    [schema, MIGRATIONS_TABLE],
  );
  const references = await db.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
     FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid
     JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = $1 AND c.oid <> p.oid`,
    [schema],
  );
  const pending = new Map(tables.rows.map((row) => [assertTableName(row.name), new Set<string>()]));
  for (const { child, parent } of references.rows) if (pending.has(parent)) pending.get(child)?.add(parent);
  const ordered: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, parents]) => [...parents].every((p) => !pending.has(p)));
    // A cycle of foreign keys has no first table: the rest go in name order.
    for (const [table] of ready.length > 0 ? ready : [...pending]) {
      ordered.push(table);
      pending.delete(table);
    }
  }
  return ordered;
}

/** The last migration applied to `schema`; 0 when none. */
export async function postgresSchemaVersion(db: PostgresQueryable, schema: string): Promise<number> {
  const result = await db.query<{ version: number }>(
    `SELECT COALESCE(MAX(version), 0)::int AS version FROM ${qualified(schema, MIGRATIONS_TABLE)}`,
  );
  return result.rows[0]!.version;
}

/** Rows per table of `schema`, for the tables named. */
export async function postgresTableCounts(
  db: PostgresQueryable,
  schema: string,
  tables: readonly string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result = await db.query<{ rows: number }>(
      `SELECT COUNT(*) AS rows FROM ${qualified(schema, table)}`,
    );
    counts[table] = Number(result.rows[0]!.rows);
  }
  return counts;
}
