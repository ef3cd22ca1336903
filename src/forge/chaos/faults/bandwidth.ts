import { z } from 'zod';
import { defineFaultKind } from '../fault.js';

/** Sends the upstream's response body no faster than a rate. */
export const bandwidthFault = defineFaultKind({
  type: 'bandwidth',
  summary: 'sends the response body at most `bytesPerSecond`',
  options: z.strictObject({
    bytesPerSecond: z.number().int().min(100).max(1_000_000_000).describe('Most body bytes sent a second.'),
  }),
  create({ bytesPerSecond }) {
    return { hit: () => ({ type: 'throttle', bytesPerSecond }) };
  },
});
