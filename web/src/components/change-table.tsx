import type { ChangeView } from '../api/change-types';
import { formatRelative } from '../format/format-relative';
import { formatDateTime } from '../format/format-time';
import { href } from '../router/hash-route';
import { approvalCount } from './change-actor';
import { ChangeStatusBadge } from './change-status-badge';
import { ImpactBadge } from './impact-badge';

/** Change requests, one row each, linking to their detail. */
export function ChangeTable({
  changes,
  now,
}: {
  readonly changes: readonly ChangeView[];
  readonly now: number;
}) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Change requests">
        <thead>
          <tr>
            <th scope="col">Change</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Impact</th>
            <th scope="col">Requested by</th>
            <th scope="col">Approvals</th>
            <th scope="col">Age</th>
            <th scope="col">Expires / decided</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.id} data-testid="change-row" data-status={c.status}>
              <td className="request-cell">
                <a href={href('approvals', c.id)}>{c.summary}</a>
                {c.comment ? <p className="muted">{c.comment}</p> : null}
              </td>
              <td>{c.kind}</td>
              <td>
                <ChangeStatusBadge status={c.status} />
              </td>
              <td>
                <ImpactBadge impact={c.impact} />
              </td>
              <td className="mono">{c.requester}</td>
              <td className="num">{approvalCount(c)}</td>
              <td className="nowrap" title={formatDateTime(c.created)}>
                {formatRelative(c.created, now)}
              </td>
              <td className="nowrap">
                {c.status === 'pending' ? (
                  <span title={formatDateTime(c.expires)}>{formatRelative(c.expires, now)}</span>
                ) : (
                  formatDateTime(c.decided)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
