import { Pool, type QueryResult, type QueryResultRow, TypeOverrides, types } from 'pg';
import { InfinisecError, isInfinisecError } from '../../core/index.js';
import { type ConnectionTarget, connectionTarget, masked } from './connection-target.js';
import { migratePostgres } from './postgres-migrations.js';
import { withTransaction } from './postgres-transaction.js';

/** Where and how to reach PostgreSQL. */
export interface PostgresOptions {
  /** `postgres://user:password@host:5432/database`. */
  readonly connectionString: string;
  /** The schema that holds the tables, created when missing: lowercase letters, digits and `_`. */
  readonly schema?: string;
  /** Connections in the pool; 10 by default. */
  readonly max?: number;
}

/** Something that runs one parameterized statement: the pool, or the connection of a transaction. */
export interface PostgresQueryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

/** An open, migrated PostgreSQL database: a pool whose connections all work in one schema. */
export interface PostgresDatabase extends PostgresQueryable {
  /**
   * Runs `work` in one transaction on one connection, rolled back when it throws. With `snapshot`, a
   * read-only transaction in which every statement sees the same rows.
   */
  transaction<T>(
    work: (tx: PostgresQueryable) => Promise<T>,
    options?: { readonly snapshot?: boolean },
  ): Promise<T>;
  /** Ends the pool; later calls do nothing. */
  close(): Promise<void>;
}

const DEFAULT_SCHEMA = 'infinisec';
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const CONNECT_TIMEOUT_MS = 10_000;

// BIGINT columns hold epoch milliseconds, sequence numbers and counts, all well inside 2^53: this pool reads
// them as numbers. pg's process-wide parsers are left alone.
const bigintsAsNumbers = new TypeOverrides();
bigintsAsNumbers.setTypeParser(types.builtins.INT8, Number);

function openFailure(target: ConnectionTarget, schema: string, err: unknown): InfinisecError {
  if (isInfinisecError(err)) return err;
  const error = err as { message?: string; code?: string };
  const reason = masked(error.message || error.code || String(err), target);
  return new InfinisecError(
    'INFINISEC_ERR_STORE',
    'store.postgres',
    `cannot open ${target.server} (schema "${schema}"): ${reason}`,
    { cause: err },
  );
}

function database(pool: Pool): PostgresDatabase {
  let closed: Promise<void> | undefined;
  return {
    query: (text, values) => pool.query(text, values),
    transaction: (work, options = {}) =>
      withTransaction(
        pool,
        work,
        options.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN',
      ),
    close() {
      closed ??= pool.end();
      return closed;
    },
  };
}

/**
 * Connects a pool to PostgreSQL, every connection working in `schema` (default `infinisec`), and brings the
 * schema up to date. Throws INFINISEC_ERR_STORE, without the password, when the server cannot be reached.
 * @example const db = await openPostgres({ connectionString: 'postgres://infinisec@db:5432/infinisec' });
 */
export async function openPostgres(options: PostgresOptions): Promise<PostgresDatabase> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  if (!SCHEMA_NAME.test(schema))
    throw new InfinisecError(
      'INFINISEC_ERR_STORE',
      'store.postgres',
      `schema "${schema}" is not a name of lowercase letters, digits and _`,
    );
  const target = connectionTarget(options.connectionString);
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.max,
    options: `-c search_path=${schema}`,
    types: bigintsAsNumbers,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // An idle connection that breaks (a server restart) leaves the pool, and the next query opens another or
  // fails; unheard, the error event would end the process.
  pool.on('error', () => {});
  try {
    await migratePostgres(pool, schema);
  } catch (err) {
    await pool.end();
    throw openFailure(target, schema, err);
  }
  return database(pool);
}
