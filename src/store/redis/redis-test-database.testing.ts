import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import { openRedis, type RedisDatabase } from './open-redis.js';

/** The server the Redis tests use: `INFINISEC_TEST_REDIS_URL`, or the local one. */
export const TEST_REDIS_URL = process.env.INFINISEC_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function admin<T>(work: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 0,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return await work(client);
  } finally {
    client.disconnect();
  }
}

const problem = await admin((client) => client.ping()).then(
  () => undefined,
  (err: Error) => err.message || String(err),
);
if (problem !== undefined && process.env.CI)
  throw new Error(`redis tests: the server of INFINISEC_TEST_REDIS_URL cannot be reached: ${problem}`);

/** Whether the Redis tests run; outside CI they are skipped when no server answers. */
export const redisReachable = problem === undefined;

/** Deletes every key under `prefix`, which must hold no glob characters. */
export async function deleteKeys(client: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) deleted += await client.del(...keys);
  } while (cursor !== '0');
  return deleted;
}

/** Fresh key prefixes for one test file: after it, every database opened is closed and its keys deleted. */
export interface TestPrefixes {
  /** A new prefix, `infinisec-test:<random>:`. */
  name(): string;
  /** Opens a database under `prefix`, a new one unless given. */
  open(prefix?: string): Promise<RedisDatabase>;
}

/**
 * Key prefixes on the test server for one test file, emptied after it.
 * @example const prefixes = testPrefixes(); const store = createRedisDecisionStore(await prefixes.open());
 */
export function testPrefixes(): TestPrefixes {
  const names: string[] = [];
  const opened: RedisDatabase[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.close()));
    if (names.length === 0) return;
    await admin(async (client) => {
      for (const name of names) await deleteKeys(client, name);
    });
  });
  const name = () => {
    const prefix = `infinisec-test:${randomBytes(6).toString('hex')}:`;
    names.push(prefix);
    return prefix;
  };
  return {
    name,
    async open(prefix = name()) {
      const db = await openRedis({ url: TEST_REDIS_URL, prefix });
      opened.push(db);
      return db;
    },
  };
}
