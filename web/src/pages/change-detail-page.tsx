import { useCallback, useState } from 'react';
import type { ChangeView } from '../api/change-types';
import { getChange } from '../api/changes-api';
import { Allowed } from '../components/allowed';
import { ChangeFacts } from '../components/change-facts';
import { ChangeStatusBadge } from '../components/change-status-badge';
import { ChangeVoteForm } from '../components/change-vote-form';
import { ChangeVotes } from '../components/change-votes';
import { DiffView } from '../components/diff-view';
import { EmptyState } from '../components/empty-state';
import { ErrorNotice } from '../components/error-notice';
import { ImpactBadge } from '../components/impact-badge';
import { ImpactPreviewView } from '../components/impact-preview';
import { LoadingState } from '../components/loading-state';
import { PageHeader } from '../components/page-header';
import { VoteOutcome } from '../components/vote-outcome';
import { useApiData } from '../hooks/use-api-data';
import { href } from '../router/hash-route';

/** One change request: why it is rated so, its replayed impact, its diff and votes; approve or reject it. */
export function ChangeDetailPage({ id }: { readonly id: string }) {
  const load = useCallback(() => getChange(id), [id]);
  const fetched = useApiData(load);
  // The answer to a vote is the change as it now stands.
  const [voted, setVoted] = useState<ChangeView | undefined>(undefined);
  const change = voted ?? fetched.data;

  if (change === undefined)
    return fetched.error ? (
      <ErrorNotice error={fetched.error} />
    ) : (
      <LoadingState label="Loading the change request…" />
    );
  return (
    <section data-testid="change-detail">
      <p>
        <a href={href('approvals')}>← All change requests</a>
      </p>
      <PageHeader title={change.summary}>
        <ImpactBadge impact={change.impact} />
        <ChangeStatusBadge status={change.status} />
      </PageHeader>
      {voted ? <VoteOutcome change={voted} /> : null}
      <div className="two-columns">
        <div className="card">
          <h2>Request</h2>
          <ChangeFacts change={change} />
        </div>
        <div className="card">
          <h2>Why {change.impact} impact</h2>
          {change.reasons.length > 0 ? (
            <ul className="reasons" data-testid="change-reasons">
              {change.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : (
            <EmptyState>No reason was given.</EmptyState>
          )}
          <h3>Votes</h3>
          <ChangeVotes change={change} />
        </div>
      </div>
      {change.status === 'pending' ? (
        <Allowed permission="changes:approve">
          <div className="vote-panel">
            <ChangeVoteForm change={change} onVoted={setVoted} />
          </div>
        </Allowed>
      ) : null}
      <div className="card">
        <h2>Impact on recent traffic</h2>
        {change.preview ? (
          <ImpactPreviewView preview={change.preview} />
        ) : (
          <EmptyState>This change has no preview.</EmptyState>
        )}
      </div>
      <div className="card">
        <h2>Configuration diff</h2>
        {change.kind === 'decision' ? (
          <EmptyState>A decision does not change the configuration.</EmptyState>
        ) : (
          <DiffView diff={change.diff} label="Configuration diff, secrets redacted" />
        )}
      </div>
    </section>
  );
}
