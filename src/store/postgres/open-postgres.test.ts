import { types } from 'pg';
import { describe, expect, it } from 'vitest';
import { type InfinisecError, isInfinisecError } from '../../core/index.js';
import { openPostgres } from './open-postgres.js';
import { postgresReachable, TEST_POSTGRES_URL, testSchemas } from './postgres-test-database.testing.js';

const schemas = testSchemas();

/** The test server's URL with a password and, optionally, another port, database or query. */
function withPassword(password: string, change: { port?: string; pathname?: string; search?: string } = {}) {
  const url = new URL(TEST_POSTGRES_URL);
  url.password = password;
  Object.assign(url, change);
  return url.toString();
}

async function failure(open: Promise<unknown>): Promise<InfinisecError> {
  const err = await open.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isInfinisecError(err, 'INFINISEC_ERR_STORE')) throw new Error(`expected a store error, got ${err}`);
  return err;
}

describe('openPostgres, without a server', () => {
  it('refuses a schema name that is not plain lowercase, before connecting', async () => {
    for (const schema of ['Infinisec', 'a-b', 'x; DROP TABLE users', '', '1st']) {
      const err = await failure(openPostgres({ connectionString: 'postgres://nowhere.invalid/x', schema }));
      expect(err.message).toMatch(/schema/);
    }
  });

  it('refuses a connection string that is not a postgres:// URL, without echoing it', async () => {
    for (const connectionString of ['host=db password=hunter2-pw', 'mysql://u:hunter2-pw@db/x']) {
      const err = await failure(openPostgres({ connectionString }));
      expect(err.message).toMatch(/not a postgres:\/\/ URL/);
      expect(err.message).not.toMatch(/hunter2/);
    }
  });

  it('says which server it cannot reach, never with the password', async () => {
    const err = await failure(
      openPostgres({ connectionString: withPassword('s3cr%40t-pw', { port: '1' }), schema: 't_unreachable' }),
    );
    expect(err.message).toMatch(/^store\.postgres: .*cannot open [^ ]+:1\/\w+ \(schema "t_unreachable"\): /);
    expect(err.message).toMatch(/ECONNREFUSED/);
    expect(err.message).not.toMatch(/s3cr/);
  });
});

describe.skipIf(!postgresReachable)('openPostgres', () => {
  it('migrates a schema once when several pools open it at once, and again finds nothing to do', async () => {
    const schema = schemas.name();
    const opened = await Promise.all(Array.from({ length: 5 }, () => schemas.open(schema, 2)));
    const again = await schemas.open(schema);
    const { rows } = await again.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    const tables = await again.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema],
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual([
      'agent_memory',
      'api_keys',
      'audit',
      'audit_head',
      'change_requests',
      'config_versions',
      'decisions',
      'events',
      'incidents',
      'intruder_sessions',
      'refresh_tokens',
      'request_samples',
      'schema_migrations',
      'secrets',
      'users',
    ]);
    for (const db of [...opened, again]) await db.close();
  });

  it('reads BIGINT as numbers in its own pool, leaving the process-wide parsers alone', async () => {
    const db = await schemas.open();
    const { rows } = await db.query('SELECT 9007199254740991::bigint AS n, COUNT(*) AS c FROM events');
    expect(rows).toEqual([{ n: 9007199254740991, c: 0 }]);
    expect(types.getTypeParser(types.builtins.INT8)('5')).toBe('5');
    await db.close();
  });

  it('rolls a transaction back when its work throws', async () => {
    const db = await schemas.open();
    const work = db.transaction(async (tx) => {
      await tx.query("INSERT INTO secrets (name, sealed, updated) VALUES ('a', 'x', 1)");
      throw new Error('changed my mind');
    });
    await expect(work).rejects.toThrow('changed my mind');
    expect((await db.query('SELECT name FROM secrets')).rows).toEqual([]);
    await db.close();
  });

  it('names a database that does not exist, never with the password', async () => {
    const err = await failure(
      openPostgres({
        connectionString: withPassword('hunter2-pw', { pathname: '/no_such_db' }),
        schema: 't_x',
      }),
    );
    expect(err.message).toMatch(/no_such_db.*does not exist/);
    expect(err.message).not.toMatch(/hunter2/);
  });

  it('refuses a connection string whose options replace the search path', async () => {
    const schema = schemas.name();
    const connectionString = withPassword('', { search: '?options=-c%20statement_timeout%3D0' });
    const err = await failure(openPostgres({ connectionString, schema }));
    expect(err.message).toMatch(`the search path misses "${schema}"`);
  });

  it('closes once, however often asked', async () => {
    const db = await schemas.open();
    await db.close();
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toThrow();
  });
});
