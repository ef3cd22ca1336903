import { Client, escapeIdentifier } from 'pg';
import { InfinisecError, isInfinisecError } from '../../core/index.js';
import { connectionTarget, masked } from '../../store/postgres/connection-target.js';

/** A PostgreSQL schema to restore into. */
export interface PostgresTarget {
  readonly url: string;
  readonly schema: string;
}

/** What the schema held before a restore. */
export interface SchemaState {
  readonly exists: boolean;
  /** Its tables, by name (a few), when it has any. */
  readonly tables: readonly string[];
}

const CONNECT_TIMEOUT_MS = 10_000;

// One connection outside any pool, to look at the target before the store's own open creates anything.
async function withClient<T>(target: PostgresTarget, work: (client: Client) => Promise<T>): Promise<T> {
  const where = connectionTarget(target.url);
  const client = new Client({ connectionString: target.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => {});
  try {
    await client.connect();
    return await work(client);
  } catch (err) {
    if (isInfinisecError(err)) throw err;
    const reason = masked((err as Error).message || String(err), where);
    throw new InfinisecError(
      'INFINISEC_ERR_STORE',
      'backup.postgres',
      `${where.server} (schema "${target.schema}"): ${reason}`,
      { cause: err },
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether the schema exists and which tables it has (up to five named). */
export function schemaState(target: PostgresTarget): Promise<SchemaState> {
  return withClient(target, async (client) => {
    const schema = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [target.schema]);
    const tables = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname LIMIT 5`,
      [target.schema],
    );
    return { exists: (schema.rowCount ?? 0) > 0, tables: tables.rows.map((r) => r.name) };
  });
}

/**
 * Takes a schema back to how a failed restore found it: dropped when the restore created it, else emptied of
 * every table (it had none before: the restore refuses a schema with tables).
 */
export function undoRestore(target: PostgresTarget, before: SchemaState): Promise<void> {
  return withClient(target, async (client) => {
    const schema = escapeIdentifier(target.schema);
    if (!before.exists) {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      return;
    }
    const tables = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
      [target.schema],
    );
    for (const { name } of tables.rows)
      await client.query(`DROP TABLE IF EXISTS ${schema}.${escapeIdentifier(name)} CASCADE`);
  });
}
