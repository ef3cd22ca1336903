import type { Evidence } from '../evidence.js';
import { detail, plural, utcTime } from '../evidence-text.js';
import { listed } from './listed.js';

/** The audit actions that record a data subject's request being served. */
export const SUBJECT_REQUEST_ACTIONS = { erase: 'privacy.erase', export: 'privacy.export' } as const;

/** How many requests of one kind the audit log records as served, and when the newest was. */
export interface RequestsServed {
  readonly count: number;
  readonly last: number | undefined;
}

/** Who can serve requests about a client's data, and what has been served. */
export interface SubjectRightsFacts {
  /** Active accounts whose role may erase and export a client's data. */
  readonly holders: readonly string[];
  readonly erasures: RequestsServed;
  readonly exports: RequestsServed;
}

const served = ({ count, last }: RequestsServed) =>
  count === 0 || last === undefined ? 'none recorded' : `${count}, the last at ${utcTime(last)}`;

/**
 * Access, portability and erasure: what is kept about a client address or an account can be exported and
 * erased (`privacy.export`, `privacy.erase`); no active account allowed to do it is a warn.
 */
export function subjectRightsEvidence(facts: SubjectRightsFacts): Evidence {
  const base = { id: 'subject-rights', title: 'Data subject requests' } as const;
  const details = [
    detail(
      'whose data',
      'a client, by address (events, incidents, intruder sessions, request samples); an account, by username',
    ),
    detail('accounts that may serve requests', listed(facts.holders)),
    detail(`erasures (${SUBJECT_REQUEST_ACTIONS.erase})`, served(facts.erasures)),
    detail(`exports (${SUBJECT_REQUEST_ACTIONS.export})`, served(facts.exports)),
  ];
  if (facts.holders.length === 0)
    return {
      ...base,
      status: 'warn',
      finding: 'No active account may export or erase a client’s data (permission privacy:manage).',
      details,
    };
  return {
    ...base,
    status: 'info',
    finding: `What is kept about a client or an account can be exported and erased; ${plural(facts.erasures.count, 'erasure')} and ${plural(facts.exports.count, 'export')} recorded.`,
    details,
  };
}
