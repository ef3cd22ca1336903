import type { RateCount, RateCounterStore, RateTake } from '../rate-counter-store.js';
import type { RedisDatabase } from './open-redis.js';

// One script counts every take of a request, so a request costs one round trip. KEYS[i] is the counter of
// take i, ARGV[1] the time, then three arguments per take: algorithm (s or t), limit, window. Each counter is
// a hash whose fields mirror the gateway's own counters, so that a shared limit answers as a local one would.
const TAKE = `
local now = tonumber(ARGV[1])
local out = {}
for i, key in ipairs(KEYS) do
  local kind = ARGV[i * 3 - 1]
  local limit = tonumber(ARGV[i * 3])
  local window = tonumber(ARGV[i * 3 + 1])
  if kind == 's' then
    local start = now - (now % window)
    local w = redis.call('HMGET', key, 's', 'c', 'p')
    local s, c, p = tonumber(w[1]), tonumber(w[2]) or 0, tonumber(w[3]) or 0
    if s == nil then
      c, p = 0, 0
    elseif s ~= start then
      if start - s == window then p = c else p = 0 end
      c = 0
    end
    local used = p * (1 - (now - start) / window) + c
    if used + 1 > limit then
      local wait
      if p > 0 and used - c >= used + 1 - limit then wait = math.ceil(((used + 1 - limit) / p) * window)
      else wait = start + window - now end
      out[i] = {0, 0, math.max(1, wait)}
    else
      c = c + 1
      out[i] = {1, math.max(0, math.floor(limit - used - 1)), start + window - now}
    end
    redis.call('HSET', key, 's', start, 'c', c, 'p', p)
    redis.call('PEXPIRE', key, window * 2)
  else
    local perMs = limit / window
    local b = redis.call('HMGET', key, 't', 'a')
    local tokens, at = tonumber(b[1]), tonumber(b[2])
    if tokens == nil then tokens = limit else tokens = math.min(limit, tokens + (now - at) * perMs) end
    if tokens < 1 then
      out[i] = {0, 0, math.max(1, math.ceil((1 - tokens) / perMs))}
    else
      tokens = tokens - 1
      out[i] = {1, math.floor(tokens), math.ceil((limit - tokens) / perMs)}
    end
    redis.call('HSET', key, 't', string.format('%.17g', tokens), 'a', now)
    redis.call('PEXPIRE', key, window * 2)
  end
end
return out`;

interface CountingRedis {
  infinisecTake(...args: (string | number)[]): Promise<[number, number, number][]>;
}

/**
 * Rate-limit counters in Redis, one hash per rule and key (`<prefix>rl:<rule>:<key>`, expiring after two
 * windows), counted by one script per request: atomic, and the same answers as the gateway's own counters.
 * The time is the caller's, so gateways on several hosts need synchronized clocks.
 * @example const counters = createRedisRateCounterStore(await openRedis({ url: 'redis://cache:6379' }));
 */
export function createRedisRateCounterStore(db: RedisDatabase): RateCounterStore {
  // defineCommand sends the script once and calls it by its digest after that.
  if (!('infinisecTake' in db.redis)) db.redis.defineCommand('infinisecTake', { lua: TAKE });
  const redis = db.redis as unknown as CountingRedis;
  return {
    async take(takes: readonly RateTake[], now: number): Promise<RateCount[]> {
      if (takes.length === 0) return [];
      const args: (string | number)[] = [takes.length];
      for (const { rule, key } of takes) args.push(`rl:${rule.name}:${key}`);
      args.push(now);
      for (const { rule } of takes)
        args.push(rule.algorithm === 'sliding-window' ? 's' : 't', rule.limit, rule.windowMs);
      const replies = await redis.infinisecTake(...args);
      return replies.map(([allowed, remaining, resetMs], i) => ({
        allowed: allowed === 1,
        limit: takes[i]!.rule.limit,
        remaining,
        resetMs,
      }));
    },
    close: () => db.close(),
  };
}
