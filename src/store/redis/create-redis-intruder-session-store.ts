import type { IntruderSession } from '../../core/index.js';
import type { IntruderSessionStore } from '../intruder-session-store.js';
import type { RedisDatabase } from './open-redis.js';

// Keys, under the database's prefix: `sessions` (id → JSON), `sessions:seen` (sorted by `lastSeen`, the
// member `<15-digit complement of a sequence>:<id>` so that, read from the top, ties list in the order they
// were written, as in the other stores), `sessions:member` (id → that member) and `sessions:seq`.
const KEYS = ['sessions', 'sessions:seen', 'sessions:member', 'sessions:seq'];
const SEQUENCE_DIGITS = 15;
const DEFAULT_LIMIT = 100;

const PUT = `
local old = redis.call('HGET', KEYS[3], ARGV[1])
if old then redis.call('ZREM', KEYS[2], old) end
local rank = 1e${SEQUENCE_DIGITS} - 1 - redis.call('INCR', KEYS[4])
local member = string.format('%0${SEQUENCE_DIGITS}d:%s', rank, ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('HSET', KEYS[3], ARGV[1], member)
redis.call('ZADD', KEYS[2], ARGV[2], member)
return 1`;

// The site is read from the JSON, so a site filter walks every session seen since `since`.
const LIST = `
local out = {}
local limit = tonumber(ARGV[3])
if limit <= 0 then return out end
for _, member in ipairs(redis.call('ZREVRANGEBYSCORE', KEYS[2], '+inf', ARGV[1])) do
  local body = redis.call('HGET', KEYS[1], string.sub(member, ${SEQUENCE_DIGITS + 2}))
  if body and (ARGV[2] == '' or cjson.decode(body).site == ARGV[2]) then
    out[#out + 1] = body
    if #out >= limit then break end
  end
end
return out`;

const PRUNE = `
local members = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[1])
for _, member in ipairs(members) do
  local id = string.sub(member, ${SEQUENCE_DIGITS + 2})
  redis.call('HDEL', KEYS[1], id)
  redis.call('HDEL', KEYS[3], id)
  redis.call('ZREM', KEYS[2], member)
end
return #members`;

/**
 * Intruder sessions in Redis: each as JSON, indexed by last-seen time; writes are atomic scripts. The port
 * has no close: whoever opened the database closes it.
 * @example const store = createRedisIntruderSessionStore(await openRedis({ url: 'redis://cache:6379' }));
 */
export function createRedisIntruderSessionStore(db: RedisDatabase): IntruderSessionStore {
  const run = (script: string, ...args: (string | number)[]) =>
    db.redis.eval(script, KEYS.length, ...KEYS, ...args);
  return {
    async put(session) {
      await run(PUT, session.id, session.lastSeen, JSON.stringify(session));
    },
    async get(id) {
      const body = await db.redis.hget('sessions', id);
      return body === null ? undefined : (JSON.parse(body) as IntruderSession);
    },
    async list(query = {}) {
      const since = query.since === undefined ? '-inf' : String(query.since);
      const bodies = (await run(LIST, since, query.site ?? '', query.limit ?? DEFAULT_LIMIT)) as string[];
      return bodies.map((body) => JSON.parse(body) as IntruderSession);
    },
    async prune(before) {
      return (await run(PRUNE, before)) as number;
    },
  };
}
