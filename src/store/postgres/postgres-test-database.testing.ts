import { randomBytes } from 'node:crypto';
import { Client, escapeIdentifier } from 'pg';
import { afterAll } from 'vitest';
import { openPostgres, type PostgresDatabase } from './open-postgres.js';

/** The server the PostgreSQL tests use: `INFINISEC_TEST_POSTGRES_URL`, or the local one. */
export const TEST_POSTGRES_URL =
  process.env.INFINISEC_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const problem = await admin((client) => client.query('SELECT 1')).then(
  () => undefined,
  (err: Error) => err.message || String(err),
);
if (problem !== undefined && process.env.CI)
  throw new Error(`postgres tests: the server of INFINISEC_TEST_POSTGRES_URL cannot be reached: ${problem}`);

/** Whether the PostgreSQL tests run; outside CI they are skipped when no server answers. */
export const postgresReachable = problem === undefined;

/** Fresh schemas for one test file: each is dropped, and every pool opened on it ended, after the file. */
export interface TestSchemas {
  /** A new schema name, `t_<random>`. */
  name(): string;
  /** Opens a database on `schema`, a new one unless given. */
  open(schema?: string, max?: number): Promise<PostgresDatabase>;
}

/**
 * Schemas of the test database for one test file, removed after it.
 * @example const schemas = testSchemas(); const store = createPostgresUserStore(await schemas.open());
 */
export function testSchemas(): TestSchemas {
  const names: string[] = [];
  const opened: PostgresDatabase[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.close()));
    if (names.length === 0) return;
    await admin(async (client) => {
      for (const name of names) await client.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(name)} CASCADE`);
    });
  });
  const name = () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    names.push(schema);
    return schema;
  };
  return {
    name,
    async open(schema = name(), max = 4) {
      const db = await openPostgres({ connectionString: TEST_POSTGRES_URL, schema, max });
      opened.push(db);
      return db;
    },
  };
}
