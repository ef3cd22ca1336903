import type { ChangeStatus } from '../api/change-types';

/** Where a change request stands, as a coloured badge. */
export function ChangeStatusBadge({ status }: { readonly status: ChangeStatus }) {
  return (
    <span className={`badge change-${status}`} data-testid="change-status">
      {status}
    </span>
  );
}
