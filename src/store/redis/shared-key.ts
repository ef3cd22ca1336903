import type { RedisDatabase } from './open-redis.js';

/**
 * The key every process on this Redis prefix shares under `name` (`<prefix>key:<name>`): the first caller's
 * `candidate` is kept, every later caller gets that one. Used for the keys that sign labyrinth links,
 * canaries and challenge passes, so that what one gateway issued another accepts.
 * @example const secret = await sharedKey(db, 'labyrinth', randomBytes(32).toString('base64url'));
 */
export async function sharedKey(db: RedisDatabase, name: string, candidate: string): Promise<string> {
  const key = `key:${name}`;
  await db.redis.set(key, candidate, 'NX');
  const kept = await db.redis.get(key);
  if (kept === null) throw new Error(`store.redis: the shared key ${name} vanished while it was read`);
  return kept;
}
