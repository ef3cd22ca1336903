import { z } from 'zod';
import { durationField } from '../duration.js';
import { defineFaultKind } from '../fault.js';

/** Adds a delay, give or take a jitter, before the request reaches the upstream. */
export const latencyFault = defineFaultKind({
  type: 'latency',
  summary: 'adds `delay` (± `jitter`, evenly spread) before the request reaches the upstream',
  options: z.strictObject({
    delay: durationField({ max: 60_000 }).describe('Added delay.'),
    jitter: durationField({ max: 60_000 }).default(0).describe('Up to this much more or less, at random.'),
  }),
  create({ delay, jitter }, random) {
    return {
      hit: () => ({ type: 'delay', ms: Math.max(0, Math.round(delay + (random() * 2 - 1) * jitter)) }),
    };
  },
});
