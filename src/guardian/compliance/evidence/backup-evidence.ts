import type { AuditEntry } from '../../../core/index.js';
import type { Evidence, EvidenceDetail } from '../evidence.js';
import { detail, utcTime } from '../evidence-text.js';

/** The audit action a backup records. */
export const BACKUP_ACTION = 'backup.create';
/** Age past which the last backup is a warn. */
export const BACKUP_MAX_AGE_DAYS = 7;

const DAY = 86_400_000;

/** The newest `backup.create` entries of the audit log. */
export interface BackupFacts {
  /** The newest that succeeded. */
  readonly lastSuccess: AuditEntry | undefined;
  /** The newest of all, failed or not. */
  readonly lastAttempt: AuditEntry | undefined;
}

const age = (ms: number) => {
  const days = Math.floor(ms / DAY);
  return days === 0 ? 'less than a day' : days === 1 ? '1 day' : `${days} days`;
};

/**
 * The last backup, as the audit log records it: none fails; older than seven days, or followed by a failed
 * attempt, is a warn.
 */
export function backupEvidence(facts: BackupFacts, now: number): Evidence {
  const base = { id: 'backup', title: 'Backups' } as const;
  const { lastSuccess, lastAttempt } = facts;
  const failedSince =
    lastAttempt !== undefined &&
    lastAttempt.outcome === 'failure' &&
    lastAttempt.seq > (lastSuccess?.seq ?? 0);
  const details: EvidenceDetail[] = [
    detail(
      'last backup',
      lastSuccess ? `${utcTime(lastSuccess.time)} (${age(now - lastSuccess.time)} ago)` : 'none recorded',
    ),
    ...(lastSuccess
      ? [detail('made by', lastSuccess.actor), detail('written to', lastSuccess.target || '(not recorded)')]
      : []),
    ...(failedSince
      ? [detail('failed attempt', `${utcTime(lastAttempt.time)} by ${lastAttempt.actor}`)]
      : []),
    detail('evidence', `audit entries with action ${BACKUP_ACTION}`),
    detail('expected at least every', `${BACKUP_MAX_AGE_DAYS} days`),
  ];
  if (lastSuccess === undefined)
    return {
      ...base,
      status: 'fail',
      finding: `No backup is recorded in the audit log (action ${BACKUP_ACTION}).`,
      details,
    };
  if (now - lastSuccess.time > BACKUP_MAX_AGE_DAYS * DAY)
    return {
      ...base,
      status: 'warn',
      finding: `The last backup is ${age(now - lastSuccess.time)} old, more than ${BACKUP_MAX_AGE_DAYS} days.`,
      details,
    };
  if (failedSince)
    return {
      ...base,
      status: 'warn',
      finding: `A backup attempt failed at ${utcTime(lastAttempt.time)}, after the last good one.`,
      details,
    };
  return {
    ...base,
    status: 'pass',
    finding: `The last backup was made ${age(now - lastSuccess.time)} ago (${utcTime(lastSuccess.time)}).`,
    details,
  };
}
