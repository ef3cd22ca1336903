import { ACTIONS, type SecurityEvent } from '../../core/index.js';
import { securityEvent } from '../security-event-fixture.testing.js';

const SITES = ['shop', 'blog', 'a site'];
const ANALYZERS = ['sqli', 'xss', 'scanner', 'lfi'];

/**
 * Varied events over `minutes` minutes from `start`, the same for the same `seed`: few clients and paths so
 * that top lists tie, repeated findings, and latencies off the histogram's bounds, some beyond its last one.
 * @example const events = randomEvents({ count: 500, start: 0, minutes: 5, seed: 1 });
 */
export function randomEvents(options: {
  readonly count: number;
  readonly start: number;
  readonly minutes: number;
  readonly seed: number;
}): SecurityEvent[] {
  let state = options.seed;
  // mulberry32: reproducible, and spread enough for test data.
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: options.count }, (_, i) =>
    securityEvent({
      id: `r${options.seed}-${i}`,
      time: options.start + Math.floor(next() * options.minutes * 60_000),
      site: pick(SITES),
      ip: `198.51.100.${Math.floor(next() * 25)}`,
      action: pick(ACTIONS),
      analyzers:
        next() < 0.3 ? Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(ANALYZERS)) : [],
      path: `/p/${Math.floor(next() * 20)}`,
      totalMs: Math.exp(next() * 14 - 4),
    }),
  );
}
