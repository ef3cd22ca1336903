import type { ChangeView } from '../api/change-types';
import { approvalCount } from './change-actor';

/** What a vote just did to its change request. */
export function VoteOutcome({ change }: { readonly change: ChangeView }) {
  const [tone, text] =
    change.status === 'applied'
      ? [
          'success',
          change.result?.version !== undefined
            ? `Approved and applied as version ${change.result.version}.`
            : 'Approved and applied.',
        ]
      : change.status === 'pending'
        ? ['info', `Approval recorded (${approvalCount(change)}): it waits for another approver.`]
        : change.status === 'rejected'
          ? ['info', 'Rejected: this change will not be applied.']
          : ['error', `Approved, but it could not be applied: ${change.result?.error ?? change.status}.`];
  return (
    <p className={`notice notice-${tone}`} role="status" data-testid="vote-outcome">
      {text}
    </p>
  );
}
