import type { AuditVerification } from '../../verify-audit-chain.js';
import type { Evidence } from '../evidence.js';
import { detail, plural } from '../evidence-text.js';

/**
 * The audit chain as `verifyAuditChain` found it: intact (pass), empty (warn: nothing recorded yet) or broken
 * (fail, naming the first entry that does not verify).
 */
export function auditChainEvidence(verification: AuditVerification): Evidence {
  const base = { id: 'audit-chain', title: 'Audit log integrity' } as const;
  if (!verification.ok) {
    const { kind, seq, message } = verification.problem;
    return {
      ...base,
      status: 'fail',
      finding: `The audit chain is broken at entry ${seq} (${kind}): ${message}.`,
      details: [
        detail('entries verified before the break', verification.entries),
        detail('first problem', `entry ${seq}, ${kind}`),
        detail('what it means', message),
      ],
    };
  }
  const head = verification.head;
  if (verification.entries === 0)
    return {
      ...base,
      status: 'warn',
      finding: 'The audit log is empty: no audited action has been recorded yet.',
      details: [detail('entries', 0)],
    };
  return {
    ...base,
    status: 'pass',
    finding: `The hash chain of ${plural(verification.entries, 'audit entry', 'audit entries')} verifies end to end.`,
    details: [
      detail('entries', verification.entries),
      detail('hash', 'SHA-512, each entry bound to the one before'),
      ...(head ? [detail('head', `entry ${head.seq}, ${head.hash}`)] : []),
    ],
  };
}
