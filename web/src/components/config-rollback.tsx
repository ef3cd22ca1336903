import { type FormEvent, useState } from 'react';
import { rollbackConfig } from '../api/config-api';
import { useAction } from '../hooks/use-action';
import { ChangeOutcome } from './change-outcome';
import { ErrorNotice } from './error-notice';
import { TextField } from './text-field';

/**
 * Applies an earlier configuration again, after a confirmation: at once when policy approves it, else as a
 * change request waiting for approval.
 */
export function ConfigRollback({
  version,
  onDone,
  onCancel,
}: {
  readonly version: number;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) {
  const [comment, setComment] = useState('');
  const rollback = useAction(rollbackConfig);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await rollback.run(version, comment.trim())) onDone();
  };
  if (rollback.result) return <ChangeOutcome change={rollback.result} />;
  return (
    <form className="panel confirm-panel" aria-label={`Roll back to version ${version}`} onSubmit={submit}>
      <h3>Roll back to version {version}?</h3>
      <p className="muted">
        The configuration of version {version} becomes a new version. With approvals on, a high-impact
        rollback waits for an approver first.
      </p>
      <TextField label="Comment" value={comment} onChange={setComment} maxLength={500} placeholder="why" />
      {rollback.error ? <ErrorNotice error={rollback.error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button-danger" disabled={rollback.busy}>
          Roll back to this version
        </button>
        <button type="button" className="button-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
