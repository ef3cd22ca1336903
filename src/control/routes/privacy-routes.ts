import { z } from 'zod';
import { PrivacyError, type PrivacyRefusal, type PrivacySubject } from '../../guardian/privacy/index.js';
import { HttpError } from '../http/http-error.js';
import { type Route, route } from '../http/router.js';
import { actorOf } from '../principal.js';
import type { PrivacyControl } from '../privacy-control.js';

const subjectBody = z
  .strictObject({
    ip: z.string().min(1).max(64).optional().describe('A client address, IPv4 or IPv6.'),
    user: z.string().min(1).max(128).optional().describe('A control-plane username.'),
  })
  .refine((body) => (body.ip === undefined) !== (body.user === undefined), {
    message: 'give exactly one of ip (an address) and user (a username)',
  });

const STATUS: Readonly<Record<PrivacyRefusal, number>> = {
  'invalid-subject': 400,
  'unknown-user': 404,
  'last-admin': 409,
};

function subjectOf(body: z.infer<typeof subjectBody>): PrivacySubject {
  return body.ip !== undefined ? { ip: body.ip } : { user: body.user! };
}

/** Runs a privacy call, turning its refusals into answers the caller can read. */
async function refusing<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof PrivacyError) throw new HttpError(STATUS[err.reason], err.message);
    throw err;
  }
}

/** Export and erasure of what is kept about an address or a user (admins only; each one audited). */
export function privacyRoutes(control: PrivacyControl): Route[] {
  return [
    route({
      method: 'POST',
      path: '/api/privacy/export',
      access: 'privacy:manage',
      tag: 'privacy',
      summary:
        'Everything kept about an address (`ip`) or a user (`user`), as one JSON document with a section per kind of data.',
      body: subjectBody,
      async handle({ body, principal, ip }) {
        const document = await refusing(() =>
          control.exportSubject(subjectOf(body), { actor: actorOf(principal!), ip }),
        );
        return { json: document };
      },
    }),
    route({
      method: 'POST',
      path: '/api/privacy/erase',
      access: 'privacy:manage',
      tag: 'privacy',
      summary:
        'Erase what is kept about an address (`ip`) or a user (`user`); answers with the records removed per kind. The audit log keeps its entries.',
      body: subjectBody,
      async handle({ body, principal, ip }) {
        const report = await refusing(() =>
          control.eraseSubject(subjectOf(body), { actor: actorOf(principal!), ip }),
        );
        return { json: { counts: report.counts, target: report.target, notes: report.notes } };
      },
    }),
  ];
}
