import { z } from 'zod';
import { defineFaultKind } from '../fault.js';

/** Drops the first requests it hits, then lets the rest pass, as a service coming up does. */
export const dropFault = defineFaultKind({
  type: 'drop',
  summary:
    'closes the connection without an answer on the first `count` requests it hits, then lets requests pass',
  options: z.strictObject({
    count: z.number().int().min(1).max(1_000_000).describe('How many requests are dropped.'),
  }),
  create({ count }) {
    let dropped = 0;
    return {
      hit() {
        if (dropped >= count) return undefined;
        dropped++;
        return { type: 'drop' };
      },
    };
  },
});
