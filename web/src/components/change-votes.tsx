import type { ChangeView } from '../api/change-types';
import { formatDateTime } from '../format/format-time';
import { EmptyState } from './empty-state';

/** Who approved a change request, and who rejected it, with their comments. */
export function ChangeVotes({ change }: { readonly change: ChangeView }) {
  const votes = [
    ...change.approvals.map((vote) => ({ ...vote, verdict: 'approved' })),
    ...(change.rejection ? [{ ...change.rejection, verdict: 'rejected' }] : []),
  ];
  if (votes.length === 0) return <EmptyState>No one has voted yet.</EmptyState>;
  return (
    <ul className="vote-list" aria-label="Votes">
      {votes.map((vote) => (
        <li key={`${vote.verdict} ${vote.actor} ${vote.time}`} data-testid="vote">
          <span className={`badge change-${vote.verdict === 'approved' ? 'applied' : 'rejected'}`}>
            {vote.verdict}
          </span>{' '}
          <span className="mono">{vote.actor}</span>{' '}
          <span className="muted nowrap">{formatDateTime(vote.time)}</span>
          {vote.comment ? <p className="vote-comment">{vote.comment}</p> : null}
        </li>
      ))}
    </ul>
  );
}
