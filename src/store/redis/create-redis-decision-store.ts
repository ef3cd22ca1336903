import type { Decision } from '../../core/index.js';
import { InfinisecError } from '../../core/index.js';
import type { DecisionStore } from '../decision-store.js';
import type { RedisDatabase } from './open-redis.js';

// Keys, under the database's prefix: `decisions` (id → JSON), `decisions:order` (sorted by `created`, the
// member `<15-digit sequence>:<id>` so that ties list in the order they were written), `decisions:member`
// (id → that member), `decisions:expiry` (ids sorted by `expires`, when there is one) and `decisions:seq`.
const KEYS = ['decisions', 'decisions:order', 'decisions:member', 'decisions:expiry', 'decisions:seq'];
const SEQUENCE_DIGITS = 15;

// Every write is one script, so it is atomic, and publishes the change in the same step.
const ADD = `
local old = redis.call('HGET', KEYS[3], ARGV[1])
if old then redis.call('ZREM', KEYS[2], old) end
local member = string.format('%0${SEQUENCE_DIGITS}d:%s', redis.call('INCR', KEYS[5]), ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[1], member)
redis.call('ZADD', KEYS[2], ARGV[3], member)
if ARGV[4] == '' then redis.call('ZREM', KEYS[4], ARGV[1]) else redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1]) end
redis.call('PUBLISH', ARGV[5], 'add')
return 1`;

const REMOVE = `
local member = redis.call('HGET', KEYS[3], ARGV[1])
if not member then return 0 end
redis.call('ZREM', KEYS[2], member)
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('PUBLISH', ARGV[2], 'remove')
return 1`;

const PRUNE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', ARGV[1])
for _, id in ipairs(ids) do
  local member = redis.call('HGET', KEYS[3], id)
  if member then redis.call('ZREM', KEYS[2], member) end
  redis.call('HDEL', KEYS[1], id)
  redis.call('HDEL', KEYS[3], id)
  redis.call('ZREM', KEYS[4], id)
end
if #ids > 0 then redis.call('PUBLISH', ARGV[2], 'prune') end
return #ids`;

// Read in one script too, so that the list is one snapshot.
const LIST = `
local out = {}
for _, member in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local body = redis.call('HGET', KEYS[1], string.sub(member, ${SEQUENCE_DIGITS + 2}))
  if body then out[#out + 1] = body end
end
return out`;

const channel = (db: RedisDatabase) => `${db.prefix}decisions:changed`;

/**
 * Decisions in Redis, shared by every gateway of a cluster; each write publishes on
 * `<prefix>decisions:changed` (see {@link watchDecisions}). Closing the store closes the database.
 * @example const store = createRedisDecisionStore(await openRedis({ url: 'redis://cache:6379' }));
 */
export function createRedisDecisionStore(db: RedisDatabase): DecisionStore {
  const run = (script: string, ...args: (string | number)[]) =>
    db.redis.eval(script, KEYS.length, ...KEYS, ...args);
  return {
    async add(d) {
      await run(ADD, d.id, JSON.stringify(d), d.created, d.expires ?? '', channel(db));
    },
    async remove(id) {
      return (await run(REMOVE, id, channel(db))) === 1;
    },
    async list(now) {
      const bodies = (await run(LIST)) as string[];
      return bodies
        .map((body) => JSON.parse(body) as Decision)
        .filter((d) => d.expires === null || d.expires > now);
    },
    async prune(now) {
      return (await run(PRUNE, now, channel(db))) as number;
    },
    close: () => db.close(),
  };
}

/**
 * Calls `onChange` whenever a Redis decision store on the same prefix adds, removes or prunes decisions, and
 * after a lost subscription comes back (changes may have been missed). Listens on a second connection;
 * the returned function stops listening.
 * @example const stop = await watchDecisions(db, () => void reload()); … await stop();
 */
export async function watchDecisions(db: RedisDatabase, onChange: () => void): Promise<() => Promise<void>> {
  const subscriber = db.redis.duplicate();
  subscriber.on('error', () => {});
  const name = channel(db);
  subscriber.on('message', (from: string) => {
    if (from === name) onChange();
  });
  try {
    await subscriber.subscribe(name);
  } catch (err) {
    subscriber.disconnect();
    throw new InfinisecError('INFINISEC_ERR_STORE', 'store.redis', `cannot subscribe to ${name}`, {
      cause: err,
    });
  }
  subscriber.on('ready', onChange);
  return async () => {
    await subscriber.quit().catch(() => subscriber.disconnect());
  };
}
