import type { Decision } from '../core/index.js';
import type { RateRefusal } from '../defend/index.js';

/**
 * The headers of a 429: `Retry-After` in whole seconds, and the RateLimit fields clients and SDKs read
 * (`RateLimit-Limit`, `-Remaining`, `-Reset`, and `RateLimit-Policy` as `limit;w=seconds`). A refusal made
 * without a counter (a `ratelimit` decision) says only when to come back: when the decision ends.
 * @example rateLimitHeaders(refusal) // { 'retry-after': '12', 'ratelimit-limit': '100', ... }
 */
export function rateLimitHeaders(
  refusal: RateRefusal | undefined,
  decision?: Decision,
  now = Date.now(),
): Record<string, string> {
  if (refusal === undefined) {
    const left = decision?.expires == null ? 60_000 : decision.expires - now;
    return { 'retry-after': String(Math.max(1, Math.ceil(left / 1000))) };
  }
  const { rule, outcome } = refusal;
  const reset = String(Math.max(1, Math.ceil(outcome.resetMs / 1000)));
  return {
    'retry-after': reset,
    'ratelimit-limit': String(outcome.limit),
    'ratelimit-remaining': String(outcome.remaining),
    'ratelimit-reset': reset,
    'ratelimit-policy': `${rule.limit};w=${Math.max(1, Math.ceil(rule.windowMs / 1000))}`,
  };
}
