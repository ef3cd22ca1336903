import type { Decision } from '../api/defence-types';
import { formatDateTime } from '../format/format-time';
import { ActionBadge } from './action-badge';

/** Decisions in force; `onDelete`, when given, offers to remove each. */
export function DecisionTable({
  decisions,
  onDelete,
  busy,
}: {
  readonly decisions: readonly Decision[];
  readonly onDelete?: (decision: Decision) => void;
  readonly busy?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Decisions">
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col">Scope</th>
            <th scope="col">Action</th>
            <th scope="col">Reason</th>
            <th scope="col">Source</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">By</th>
            {onDelete ? <th scope="col">Remove</th> : null}
          </tr>
        </thead>
        <tbody>
          {decisions.map((d) => (
            <tr key={d.id} data-testid="decision-row">
              <td className="mono">{d.value}</td>
              <td>{d.scope}</td>
              <td>
                <ActionBadge action={d.action} />
              </td>
              <td>{d.reason}</td>
              <td>{d.source}</td>
              <td className="nowrap">{formatDateTime(d.created)}</td>
              <td className="nowrap">{formatDateTime(d.expires)}</td>
              <td>{d.createdBy}</td>
              {onDelete ? (
                <td>
                  <button
                    type="button"
                    className="button-small button-danger"
                    disabled={busy}
                    aria-label={`Delete the decision on ${d.value}`}
                    onClick={() => onDelete(d)}
                  >
                    Delete
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
