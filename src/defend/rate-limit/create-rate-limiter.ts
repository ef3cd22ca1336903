import type { ClientIdentity } from '../../core/index.js';
import type { RateCounter, RateOutcome, RateRule } from './rate-limit-types.js';
import { slidingWindow } from './sliding-window.js';
import { tokenBucket } from './token-bucket.js';

/** What a rate limiter sees of a request. */
export interface RateSubject {
  readonly method: string;
  readonly path: string;
  readonly client: ClientIdentity;
  /** The API key the client presented, or '' (the `apikey` rules then key by address). */
  readonly apiKey: string;
}

/** The first rule a request went over, with its counter's answer. */
export interface RateRefusal {
  readonly rule: RateRule;
  readonly outcome: RateOutcome;
}

/** Rate limits over every request; `check` counts the request in each rule that applies. */
export interface RateLimiter {
  check(subject: RateSubject, now: number): RateRefusal | undefined;
  /** Keys tracked, over all rules. */
  readonly size: number;
}

const COUNTERS = { 'sliding-window': slidingWindow, 'token-bucket': tokenBucket } as const;

/** The counter key a rule keeps for a request. */
export function rateKeyOf(rule: RateRule, subject: RateSubject): string {
  switch (rule.key) {
    case 'ip':
      return subject.client.ip;
    case 'prefix':
      return subject.client.prefix;
    case 'fingerprint':
      // Without one (no headers to read), the address stands in.
      return subject.client.fingerprint === ''
        ? `address ${subject.client.prefix}`
        : subject.client.fingerprint;
    case 'apikey':
      return subject.apiKey === '' ? `address ${subject.client.prefix}` : `key ${subject.apiKey}`;
    case 'route':
      return '';
  }
}

/** Whether a rule counts a request (its methods and path prefixes). */
export function rateRuleApplies(rule: RateRule, subject: RateSubject): boolean {
  if (rule.methods.length > 0 && !rule.methods.includes(subject.method)) return false;
  return rule.paths.length === 0 || rule.paths.some((prefix) => subject.path.startsWith(prefix));
}

/**
 * Creates the rate limiter for a list of rules, each with its own bounded counters (`maxKeys` per rule).
 * Every applicable rule counts the request, so a client over one limit is still counted by the others.
 * @example createRateLimiter([{ name: 'login', algorithm: 'sliding-window', key: 'prefix', limit: 5, windowMs: 60_000, paths: ['/login'], methods: ['POST'] }], 100_000)
 */
export function createRateLimiter(rules: readonly RateRule[], maxKeys: number): RateLimiter {
  const counters: { rule: RateRule; counter: RateCounter }[] = rules.map((rule) => {
    if (!(rule.limit >= 1) || !(rule.windowMs >= 1))
      throw new TypeError(`defend.rateLimits: ${rule.name}: limit and windowMs must be at least 1`);
    return { rule, counter: COUNTERS[rule.algorithm](rule.limit, rule.windowMs, maxKeys) };
  });
  return {
    get size() {
      return counters.reduce((n, { counter }) => n + counter.size, 0);
    },
    check(subject, now) {
      let refusal: RateRefusal | undefined;
      for (const { rule, counter } of counters) {
        if (!rateRuleApplies(rule, subject)) continue;
        const outcome = counter.take(rateKeyOf(rule, subject), now);
        if (!outcome.allowed && refusal === undefined) refusal = { rule, outcome };
      }
      return refusal;
    },
  };
}
