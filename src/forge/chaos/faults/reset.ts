import { z } from 'zod';
import { defineFaultKind } from '../fault.js';

/** Resets the connection, before the answer or partway through it. */
export const resetFault = defineFaultKind({
  type: 'reset',
  summary:
    'resets the connection (TCP RST): `before-headers` (the upstream never sees the request) or `after-headers` (after the status, headers and `afterBytes` of the body)',
  options: z
    .strictObject({
      phase: z
        .enum(['before-headers', 'after-headers'])
        .default('before-headers')
        .describe('When the connection is reset.'),
      afterBytes: z
        .number()
        .int()
        .min(0)
        .default(0)
        .describe('Body bytes sent before an `after-headers` reset.'),
    })
    .prefault({}),
  create({ phase, afterBytes }) {
    return { hit: () => ({ type: 'reset', phase, afterBytes }) };
  },
});
