import { useId, useState } from 'react';
import { applyConfig, validateConfig } from '../api/config-api';
import type { RunningConfig } from '../api/config-types';
import { useAuth } from '../auth/auth-context';
import { useAction } from '../hooks/use-action';
import { ChangeOutcome } from './change-outcome';
import { ErrorNotice } from './error-notice';
import { TextField } from './text-field';

/**
 * The running configuration as YAML; a role that may write it validates and applies it, and every problem of
 * a refused configuration is listed under the editor. With approvals on, a high-impact configuration is not
 * applied at once: the editor links to the change request that waits for approval.
 */
export function ConfigEditor({
  running,
  onApplied,
}: {
  readonly running: RunningConfig;
  readonly onApplied: () => void;
}) {
  const editable = useAuth().can('config:write');
  const id = useId();
  const [text, setText] = useState(running.source);
  // When the running configuration changes under an unedited editor (a rollback, an approval), follow it.
  const [base, setBase] = useState(running.source);
  if (base !== running.source) {
    setBase(running.source);
    if (text === base) setText(running.source);
  }
  const [comment, setComment] = useState('');
  const validate = useAction(validateConfig);
  const apply = useAction(applyConfig);
  const error = apply.error ?? validate.error;

  const onValidate = () => {
    apply.reset();
    void validate.run(text);
  };
  const onApply = async () => {
    validate.reset();
    if (await apply.run(text, comment)) {
      setComment('');
      onApplied();
    }
  };

  return (
    <div className="panel config-editor">
      <div className="field">
        <label htmlFor={id}>Configuration (version {running.version}, secrets redacted)</label>
        <textarea
          id={id}
          className="mono code-editor"
          spellCheck={false}
          rows={24}
          value={text}
          readOnly={!editable}
          onChange={(e) => {
            setText(e.target.value);
            validate.reset();
            apply.reset();
          }}
        />
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {validate.result ? (
        <p className="notice notice-success" role="status">
          This configuration is valid.
        </p>
      ) : null}
      {apply.result?.pending ? (
        <ChangeOutcome change={apply.result.change} />
      ) : apply.result ? (
        <p className="notice notice-success" role="status">
          Applied as version {apply.result.version}.
        </p>
      ) : null}
      {editable ? (
        <div className="form-actions">
          <TextField
            label="Comment"
            value={comment}
            onChange={setComment}
            maxLength={500}
            placeholder="why this change"
          />
          <button
            type="button"
            className="button-ghost"
            disabled={text === running.source}
            onClick={() => {
              setText(running.source);
              validate.reset();
              apply.reset();
            }}
          >
            Revert
          </button>
          <button type="button" className="button-ghost" disabled={validate.busy} onClick={onValidate}>
            Validate
          </button>
          <button type="button" className="button-primary" disabled={apply.busy} onClick={onApply}>
            Apply configuration
          </button>
        </div>
      ) : null}
    </div>
  );
}
