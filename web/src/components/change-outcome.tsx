import type { ChangeView } from '../api/change-types';
import { href } from '../router/hash-route';
import { approvalCount } from './change-actor';

/** What became of a change someone just asked for: applied (as which version), waiting for approval, or not. */
export function ChangeOutcome({ change }: { readonly change: ChangeView }) {
  const link = <a href={href('approvals', change.id)}>open the change request</a>;
  if (change.status === 'applied')
    return (
      <p className="notice notice-success" role="status" data-testid="change-outcome">
        {change.result?.version !== undefined ? `Applied as version ${change.result.version}.` : 'Applied.'}
      </p>
    );
  if (change.status === 'pending')
    return (
      <p className="notice notice-info" role="status" data-testid="change-outcome">
        Waiting for approval ({approvalCount(change)}): this change has a high impact and applies once
        approved — {link}.
      </p>
    );
  return (
    <p className="notice notice-error" role="alert" data-testid="change-outcome">
      {change.status === 'failed'
        ? `Could not be applied: ${change.result?.error ?? 'unknown error'}.`
        : `The change request is ${change.status}.`}{' '}
      {link}
    </p>
  );
}
