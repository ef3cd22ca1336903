import { describe, expect, it } from 'vitest';
import { isInfinisecError } from '../../core/index.js';
import { openRedis } from './open-redis.js';
import { redisReachable, testPrefixes } from './redis-test-database.testing.js';

const prefixes = testPrefixes();

async function failure(url: string): Promise<Error> {
  return openRedis({ url }).then(
    () => {
      throw new Error('opened');
    },
    (err: Error) => err,
  );
}

describe('openRedis', () => {
  it('refuses a url that is not redis://, without echoing it', async () => {
    const err = await failure('postgres://user:s3cret@host/db');
    expect(isInfinisecError(err, 'INFINISEC_ERR_STORE')).toBe(true);
    expect(err.message).not.toContain('s3cret');
  });

  it('reports a server that cannot be reached as INFINISEC_ERR_STORE, the password masked', async () => {
    // Port 1 on loopback refuses at once.
    const err = await failure('redis://:p%40ss-s3cret@127.0.0.1:1/0');
    expect(isInfinisecError(err, 'INFINISEC_ERR_STORE')).toBe(true);
    expect(err.message).toContain('127.0.0.1:1');
    expect(err.message).not.toContain('s3cret');
  });

  it.skipIf(!redisReachable)('works under its prefix and closes twice without complaint', async () => {
    const prefix = prefixes.name();
    const db = await prefixes.open(prefix);
    expect(db.prefix).toBe(prefix);
    await db.redis.set('k', 'v');
    const other = await prefixes.open();
    expect(await other.redis.get('k')).toBeNull();
    await db.close();
    await db.close();
    expect(db.redis.status).toBe('end');
  });
});
