import { z } from 'zod';
import { durationField } from '../duration.js';
import { defineFaultKind } from '../fault.js';

/** Holds the request without answering, as a hung upstream does. */
export const timeoutFault = defineFaultKind({
  type: 'timeout',
  summary:
    'holds the request without an answer: for `hold` (then closes the connection), or until the client gives up or the fault is lifted (then the request goes on to the upstream)',
  options: z
    .strictObject({
      hold: durationField({ min: 1, max: 3_600_000 })
        .optional()
        .describe('How long to hold before closing the connection; default until the fault is lifted.'),
    })
    .prefault({}),
  create({ hold }) {
    return { hit: () => ({ type: 'hold', ms: hold }) };
  },
});
