import { boundedSet } from './bounded-map.js';
import type { RateCounter, RateOutcome } from './rate-limit-types.js';

interface Window {
  /** Start of the current fixed window. */
  start: number;
  current: number;
  previous: number;
}

/**
 * The sliding-window counter: two fixed windows, the previous one weighted by how much of it the sliding
 * window still covers. Two numbers per key, and a burst at a window's edge counts against the next one —
 * unlike a plain fixed window, which lets twice the limit through around the edge.
 * @example const counter = slidingWindow(100, 60_000, 100_000); counter.take('203.0.113.7', Date.now());
 */
export function slidingWindow(limit: number, windowMs: number, maxKeys: number): RateCounter {
  const windows = new Map<string, Window>();
  return {
    get size() {
      return windows.size;
    },
    take(key, now): RateOutcome {
      const start = now - (now % windowMs);
      let w = windows.get(key);
      if (w === undefined) {
        w = { start, current: 0, previous: 0 };
        boundedSet(windows, key, w, maxKeys);
      } else if (w.start !== start) {
        w.previous = start - w.start === windowMs ? w.current : 0;
        w.current = 0;
        w.start = start;
      }
      const weight = 1 - (now - start) / windowMs;
      const used = w.previous * weight + w.current;
      if (used + 1 > limit) {
        // One more fits once enough of the previous window has slid out (or, without one, at the next window).
        const wait =
          w.previous > 0 && used - w.current >= used + 1 - limit
            ? Math.ceil(((used + 1 - limit) / w.previous) * windowMs)
            : start + windowMs - now;
        return { allowed: false, limit, remaining: 0, resetMs: Math.max(1, wait) };
      }
      w.current++;
      return {
        allowed: true,
        limit,
        remaining: Math.max(0, Math.floor(limit - used - 1)),
        resetMs: start + windowMs - now,
      };
    },
  };
}
