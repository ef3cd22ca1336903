import type { ComplianceStatus } from '../api/report-types';

/** A control's or an evidence's status as a coloured badge. */
export function ComplianceStatusBadge({ status }: { readonly status: ComplianceStatus }) {
  return (
    <span className={`badge compliance-${status}`} data-testid="compliance-status">
      {status}
    </span>
  );
}
