import { type FormEvent, useState } from 'react';
import { eraseSubject, type PrivacySubject } from '../api/privacy-api';
import { useAction } from '../hooks/use-action';
import { ErasureResult } from './erasure-result';
import { ErrorNotice } from './error-notice';
import { TextField } from './text-field';

/** Erases what is kept about a subject, once the person has typed the subject again to confirm. */
export function PrivacyErase({
  subject,
  onCancel,
}: {
  readonly subject: PrivacySubject;
  readonly onCancel: () => void;
}) {
  const name = 'ip' in subject ? subject.ip : subject.user;
  const [typed, setTyped] = useState('');
  const erase = useAction(eraseSubject);
  const confirmed = typed.trim() === name;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (confirmed) void erase.run(subject);
  };
  if (erase.result) return <ErasureResult erasure={erase.result} />;
  return (
    <form className="panel confirm-panel" aria-label="Confirm the erasure" onSubmit={submit}>
      <h3>Erase everything kept about {name}?</h3>
      <p className="muted">
        {'ip' in subject
          ? 'Events, request samples, labyrinth sessions and decisions on this exact address are removed; incidents forget it. '
          : 'The account, its API keys and sessions are removed. '}
        The audit log keeps its entries. This cannot be undone: export first if the person asked for their
        data.
      </p>
      <TextField label={`Type ${name} to confirm`} value={typed} onChange={setTyped} autoComplete="off" />
      {erase.error ? <ErrorNotice error={erase.error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button-danger" disabled={!confirmed || erase.busy}>
          Erase
        </button>
        <button type="button" className="button-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
