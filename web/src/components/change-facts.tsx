import type { ChangeView } from '../api/change-types';
import { formatDateTime } from '../format/format-time';
import { href } from '../router/hash-route';
import { approvalCount } from './change-actor';

/** Who asked for a change, when, its approvals, and what applying it made. */
export function ChangeFacts({ change }: { readonly change: ChangeView }) {
  return (
    <dl className="facts" data-testid="change-facts">
      <dt>Kind</dt>
      <dd>{change.kind}</dd>
      <dt>Requested by</dt>
      <dd className="mono">{change.requester}</dd>
      <dt>Requested</dt>
      <dd>{formatDateTime(change.created)}</dd>
      <dt>{change.status === 'pending' ? 'Expires' : 'Decided'}</dt>
      <dd>{formatDateTime(change.status === 'pending' ? change.expires : change.decided)}</dd>
      <dt>Approvals</dt>
      <dd data-testid="change-approvals">
        {change.approvalsNeeded === 0 ? 'none needed: approved by policy' : approvalCount(change)}
      </dd>
      {change.comment ? (
        <>
          <dt>Comment</dt>
          <dd>{change.comment}</dd>
        </>
      ) : null}
      {change.result?.version !== undefined ? (
        <>
          <dt>Applied as</dt>
          <dd>
            <a href={href('settings', 'config')}>configuration version {change.result.version}</a>
          </dd>
        </>
      ) : null}
      {change.result?.decision !== undefined ? (
        <>
          <dt>Decision</dt>
          <dd className="mono">{change.result.decision}</dd>
        </>
      ) : null}
      {change.result?.error !== undefined ? (
        <>
          <dt>Error</dt>
          <dd className="danger">{change.result.error}</dd>
        </>
      ) : null}
    </dl>
  );
}
