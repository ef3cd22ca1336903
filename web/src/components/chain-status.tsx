import type { AuditVerification } from '../api/audit-types';

/** Whether the audit chain is intact, or the first entry at which it breaks. */
export function ChainStatus({
  verification,
  onVerify,
  busy,
}: {
  readonly verification: AuditVerification;
  readonly onVerify: () => void;
  readonly busy: boolean;
}) {
  return (
    <div
      className={`chain-status ${verification.ok ? 'chain-intact' : 'chain-broken'}`}
      data-testid="chain-status"
      role="status"
    >
      <span className="chain-icon" aria-hidden="true">
        {verification.ok ? '✔' : '✖'}
      </span>
      <div>
        {verification.ok ? (
          <strong>Audit chain intact</strong>
        ) : (
          <strong>Audit chain broken at entry {verification.problem.seq}</strong>
        )}
        <p>
          {verification.ok
            ? `All ${verification.entries.toLocaleString()} entries link to the one before and hash to themselves.`
            : `${verification.problem.message} (${verification.problem.kind}; ${verification.entries} entries verified before it).`}
        </p>
      </div>
      <button type="button" className="button-small" disabled={busy} onClick={onVerify}>
        Verify again
      </button>
    </div>
  );
}
