import type { Evidence } from '../evidence.js';
import { detail, utcTime } from '../evidence-text.js';

/** How configuration changes are controlled. */
export interface ChangeFacts {
  readonly approvals: boolean;
  readonly approvers: number;
  readonly expireHours: number;
  /** Configuration versions recorded so far. */
  readonly versions: number;
  /** When the newest version was applied, and by whom; undefined when none is recorded. */
  readonly latest: { readonly time: number; readonly author: string } | undefined;
}

/**
 * Change management: approvals on (pass), or off, so that changes apply at once and are only recorded (warn).
 */
export function changeApprovalsEvidence(facts: ChangeFacts): Evidence {
  const base = { id: 'change-approvals', title: 'Change approval' } as const;
  const details = [
    detail(
      'approvals',
      facts.approvals ? 'on (guardian.approvals.enabled)' : 'off (guardian.approvals.enabled)',
    ),
    ...(facts.approvals
      ? [
          detail('approvals a high-impact change needs', facts.approvers),
          detail('a pending change expires after', `${facts.expireHours} hours`),
        ]
      : []),
    detail('configuration versions recorded', facts.versions),
    ...(facts.latest
      ? [detail('latest version', `${utcTime(facts.latest.time)} by ${facts.latest.author}`)]
      : []),
    detail('every change', 'written to the audit log'),
  ];
  return facts.approvals
    ? {
        ...base,
        status: 'pass',
        finding: `High-impact changes wait for ${facts.approvers === 1 ? 'an approval' : `${facts.approvers} approvals`} from someone other than the requester.`,
        details,
      }
    : {
        ...base,
        status: 'warn',
        finding: 'Changes apply at once without approval (they are still versioned and audited).',
        details,
      };
}
