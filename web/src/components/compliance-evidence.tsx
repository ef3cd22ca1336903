import { Fragment } from 'react';
import type { Evidence } from '../api/report-types';
import { ComplianceStatusBadge } from './compliance-status-badge';

/** The evidence a report read, each with its status, its finding and the facts behind it. */
export function ComplianceEvidence({ evidence }: { readonly evidence: readonly Evidence[] }) {
  return (
    <div className="evidence-grid">
      {evidence.map((item) => (
        <article key={item.id} className="panel" data-testid="evidence-item" aria-label={item.title}>
          <h3 className="evidence-title">
            {item.title} <ComplianceStatusBadge status={item.status} />
          </h3>
          <p>{item.finding}</p>
          {item.details.length > 0 ? (
            <dl className="facts evidence-facts">
              {item.details.map((detail) => (
                <Fragment key={detail.label}>
                  <dt>{detail.label}</dt>
                  <dd>{detail.value}</dd>
                </Fragment>
              ))}
            </dl>
          ) : null}
        </article>
      ))}
    </div>
  );
}
