import { z } from 'zod';
import { defineFaultKind } from '../fault.js';

/** Answers with an error status in the upstream's place. */
export const errorFault = defineFaultKind({
  type: 'error',
  summary: 'answers `status` (default 503) with `body` instead of the upstream',
  options: z
    .strictObject({
      status: z.number().int().min(400).max(599).default(503).describe('Status of the answer.'),
      body: z.string().max(65_536).default('Service Unavailable\n').describe('Body of the answer.'),
      contentType: z.string().min(1).default('text/plain; charset=utf-8').describe('Its Content-Type.'),
    })
    .prefault({}),
  create({ status, body, contentType }) {
    const headers = { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) };
    return { hit: () => ({ type: 'respond', status, headers, body }) };
  },
});
