import { type FormEvent, useState } from 'react';
import { createFirstAdmin } from '../api/auth-api';
import { useAuth } from '../auth/auth-context';
import { ErrorNotice } from '../components/error-notice';
import { TextField } from '../components/text-field';

/**
 * First run: creates the first admin with the one-time setup token `infinisec start` printed (the link it
 * prints carries it after `#/setup/`, which never reaches the server in a URL), then signs in.
 */
export function SetupPage({ token }: { readonly token: string }) {
  const { signIn } = useAuth();
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password !== again) {
      setError(new Error('the two passwords differ'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await createFirstAdmin({ token, username, password });
      location.hash = '#/';
      await signIn({ username, password });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form className="panel login-panel" aria-label="Create the first admin" onSubmit={submit}>
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">
            ∞
          </span>
          infinisec
        </h1>
        <p>Create the first admin. The setup link works once; afterwards, admins add people in Settings.</p>
        <TextField
          label="Username"
          value={username}
          onChange={setUsername}
          autoComplete="username"
          required
        />
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          hint="At least 12 characters."
          required
        />
        <TextField
          label="Password again"
          type="password"
          value={again}
          onChange={setAgain}
          autoComplete="new-password"
          required
        />
        {error ? <ErrorNotice error={error} /> : null}
        <button type="submit" className="button-primary" disabled={busy}>
          Create admin and sign in
        </button>
      </form>
    </div>
  );
}
