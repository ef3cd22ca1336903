import { type FormEvent, useState } from 'react';
import { changePassword } from '../api/auth-api';
import { useAuth } from '../auth/auth-context';
import { useAction } from '../hooks/use-action';
import { ErrorNotice } from './error-notice';
import { TextField } from './text-field';

/** Changes the signed-in person's password; the API then ends every login, this one too. */
export function PasswordForm() {
  const { signOut } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useAction(changePassword);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await change.run(current, next)) await signOut();
  };

  return (
    <form className="panel" aria-label="Change password" onSubmit={submit}>
      <h2>Password</h2>
      <div className="form-grid">
        <TextField
          label="Current password"
          type="password"
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
          required
        />
        <TextField
          label="New password"
          type="password"
          value={next}
          onChange={setNext}
          autoComplete="new-password"
          hint="At least 12 characters, not containing your username. You will sign in again."
          required
        />
      </div>
      {change.error ? <ErrorNotice error={change.error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={change.busy}>
          Change password
        </button>
      </div>
    </form>
  );
}
