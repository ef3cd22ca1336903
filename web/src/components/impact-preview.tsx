import type { ImpactPreview } from '../api/change-types';
import { formatDateTime } from '../format/format-time';
import { ActionBadge } from './action-badge';
import { EmptyState } from './empty-state';
import { StatCard } from './stat-card';

/** A change replayed over the request sample: how many requests would change, how, and examples of them. */
export function ImpactPreviewView({ preview }: { readonly preview: ImpactPreview }) {
  return (
    <div className="stack" data-testid="impact-preview">
      <div className="stat-grid">
        <StatCard label="Samples replayed" value={preview.samples} />
        <StatCard label="Changed" value={preview.changed} tone={preview.changed > 0 ? 'info' : 'neutral'} />
        <StatCard
          label="Stricter"
          value={preview.stricter}
          tone={preview.stricter > 0 ? 'danger' : 'neutral'}
        />
        <StatCard label="Looser" value={preview.looser} tone={preview.looser > 0 ? 'warning' : 'neutral'} />
      </div>
      <p className="muted">
        {preview.samples === 0
          ? 'No request was sampled yet: the preview has nothing to replay.'
          : `Sampled requests from ${formatDateTime(preview.from)} to ${formatDateTime(preview.to)}, replayed through the running and the proposed configuration.`}
      </p>
      {preview.shifts.length > 0 ? (
        <div className="table-wrap">
          <table className="table" aria-label="Verdict shifts">
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col" className="num">
                  Requests
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.shifts.map((s) => (
                <tr key={`${s.from} ${s.to}`} data-testid="shift-row">
                  <td>
                    <ActionBadge action={s.from} />
                  </td>
                  <td>
                    <ActionBadge action={s.to} />
                  </td>
                  <td className="num">{s.count.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState>No sampled request would be treated differently.</EmptyState>
      )}
      {preview.examples.length > 0 ? (
        <>
          <h3>Examples</h3>
          <div className="table-wrap">
            <table className="table" aria-label="Examples of changed requests">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Site</th>
                  <th scope="col">Request</th>
                  <th scope="col">Verdict</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {preview.examples.map((e) => (
                  <tr key={e.sample} data-testid="example-row">
                    <td className="nowrap">{formatDateTime(e.time)}</td>
                    <td>{e.site}</td>
                    <td className="mono request-cell">
                      {e.method} <span className="evidence">{e.target}</span>
                    </td>
                    <td className="nowrap">
                      <ActionBadge action={e.from} /> <span aria-hidden="true">→</span>
                      <span className="visually-hidden">becomes</span> <ActionBadge action={e.to} />
                    </td>
                    <td className="mono">{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
