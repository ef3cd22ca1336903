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

// The site and the client are read from the JSON, so their filters walk every session seen since `since`.
const LIST = `
local out = {}
local limit = tonumber(ARGV[3])
if limit <= 0 then return out end
for _, member in ipairs(redis.call('ZREVRANGEBYSCORE', KEYS[2], '+inf', ARGV[1])) do
  local body = redis.call('HGET', KEYS[1], string.sub(member, ${SEQUENCE_DIGITS + 2}))
  local wanted = body ~= false
  if wanted and (ARGV[2] ~= '' or ARGV[4] ~= '') then
    local session = cjson.decode(body)
    wanted = (ARGV[2] == '' or session.site == ARGV[2]) and (ARGV[4] == '' or session.client.ip == ARGV[4])
  end
  if wanted then
    out[#out + 1] = body
    if #out >= limit then break end
  end
end
return out`;

// Removes the sessions of ARGV[2..] whose client is still ARGV[1]: they were read before, in steps.
const ERASE = `
local removed = 0
for i = 2, #ARGV do
  local id = ARGV[i]
  local body = redis.call('HGET', KEYS[1], id)
  if body and cjson.decode(body).client.ip == ARGV[1] then
    local member = redis.call('HGET', KEYS[3], id)
    if member then redis.call('ZREM', KEYS[2], member) end
    redis.call('HDEL', KEYS[1], id)
    redis.call('HDEL', KEYS[3], id)
    removed = removed + 1
  end
end
return removed`;

/** Sessions read per step of an erasure (a hint to HSCAN). */
const ERASE_SCAN = 500;

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
      const limit = query.limit ?? DEFAULT_LIMIT;
      const bodies = (await run(LIST, since, query.site ?? '', limit, query.client ?? '')) as string[];
      return bodies.map((body) => JSON.parse(body) as IntruderSession);
    },
    async prune(before) {
      return (await run(PRUNE, before)) as number;
    },
    async eraseClient(ip) {
      // Read in steps (HSCAN), so that no script blocks the server over every session; each step's matches go
      // in one script that checks them again.
      let removed = 0;
      let cursor = '0';
      do {
        const [next, pairs] = await db.redis.hscan('sessions', cursor, 'COUNT', ERASE_SCAN);
        cursor = next;
        const ids: string[] = [];
        for (let i = 0; i + 1 < pairs.length; i += 2)
          if ((JSON.parse(pairs[i + 1]!) as IntruderSession).client.ip === ip) ids.push(pairs[i]!);
        if (ids.length > 0) removed += (await run(ERASE, ip, ...ids)) as number;
      } while (cursor !== '0');
      return removed;
    },
  };
}
