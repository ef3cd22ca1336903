import { useId, useState } from 'react';
import type { ChangeView } from '../api/change-types';
import { approveChange, rejectChange } from '../api/changes-api';
import { useMe } from '../auth/auth-context';
import { useAction } from '../hooks/use-action';
import { actorOf } from './change-actor';
import { ErrorNotice } from './error-notice';
import { TextField } from './text-field';

type Verdict = 'approve' | 'reject';

/**
 * Approve or reject a pending change request, with an optional comment. Its requester may not approve it (the
 * button says why) but may withdraw it; a refusal shows the API's own message.
 */
export function ChangeVoteForm({
  change,
  onVoted,
}: {
  readonly change: ChangeView;
  readonly onVoted: (change: ChangeView) => void;
}) {
  const actor = actorOf(useMe());
  const whyId = useId();
  const [comment, setComment] = useState('');
  const vote = useAction(async (verdict: Verdict) => {
    const updated = await (verdict === 'approve' ? approveChange : rejectChange)(change.id, comment.trim());
    onVoted(updated);
    return updated;
  });
  const own = change.requester === actor;
  const approved = change.approvals.some((v) => v.actor === actor);
  const why = own
    ? 'You requested this change: someone else must approve it. You may still withdraw it.'
    : approved
      ? 'You have approved this change already: it waits for another approver.'
      : undefined;

  return (
    <form className="panel" aria-label="Approve or reject" onSubmit={(e) => e.preventDefault()}>
      <h2>Your decision</h2>
      <TextField label="Comment (optional)" value={comment} onChange={setComment} maxLength={500} />
      {why ? (
        <p id={whyId} className="notice notice-warning" data-testid="vote-blocked">
          {why}
        </p>
      ) : null}
      {vote.error ? <ErrorNotice error={vote.error} /> : null}
      <div className="form-actions">
        <button
          type="button"
          className="button-primary"
          disabled={vote.busy || why !== undefined}
          aria-describedby={why ? whyId : undefined}
          onClick={() => void vote.run('approve')}
        >
          Approve
        </button>
        <button
          type="button"
          className="button-danger"
          disabled={vote.busy}
          onClick={() => void vote.run('reject')}
        >
          {own ? 'Withdraw' : 'Reject'}
        </button>
      </div>
    </form>
  );
}
