import type { AuditEntry } from '../api/audit-types';
import { formatDateTime } from '../format/format-time';

/** Audit entries, as given. */
export function AuditTable({ entries }: { readonly entries: readonly AuditEntry[] }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Audit entries">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Outcome</th>
            <th scope="col">From</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} data-testid="audit-row">
              <td className="num">{entry.seq}</td>
              <td className="nowrap">{formatDateTime(entry.time)}</td>
              <td className="mono">{entry.actor}</td>
              <td className="mono">{entry.action}</td>
              <td className="mono truncate">{entry.target}</td>
              <td>
                <span className={`badge outcome-${entry.outcome}`}>{entry.outcome}</span>
              </td>
              <td className="mono">{entry.ip}</td>
              <td>
                <code className="details">{JSON.stringify(entry.details)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
