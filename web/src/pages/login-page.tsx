import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/api-error';
import { useAuth } from '../auth/auth-context';
import { ErrorNotice } from '../components/error-notice';
import { TextField } from '../components/text-field';
import { ThemeToggle } from '../components/theme-toggle';
import type { Theme } from '../hooks/use-theme';

/**
 * Sign-in: username and password; when the API answers that a second factor is required, the TOTP code (or a
 * recovery code) is asked and the login sent again with it.
 */
export function LoginPage({
  notice,
  theme,
  onToggleTheme,
}: {
  readonly notice?: string;
  readonly theme: Theme;
  readonly onToggleTheme: () => void;
}) {
  const { signIn } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [secondFactor, setSecondFactor] = useState<'none' | 'code' | 'recovery'>('none');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn({
        username,
        password,
        ...(secondFactor === 'code' ? { code: code.trim() } : {}),
        ...(secondFactor === 'recovery' ? { recoveryCode: code.trim() } : {}),
      });
    } catch (err) {
      if (err instanceof ApiError && err.body.mfaRequired === true && secondFactor === 'none') {
        setSecondFactor('code');
      } else {
        setError(err);
        setCode('');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <div className="login-theme">
        <ThemeToggle theme={theme} onToggle={onToggleTheme} />
      </div>
      <form className="panel login-panel" aria-label="Sign in" onSubmit={submit}>
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">
            ∞
          </span>
          infinisec
        </h1>
        {notice && !error ? <p className="notice notice-info">{notice}</p> : null}
        {secondFactor === 'none' ? (
          <>
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
              autoComplete="current-password"
              required
            />
          </>
        ) : (
          <>
            <p>Signing in as {username}: a second factor is needed.</p>
            <TextField
              key={secondFactor}
              label={secondFactor === 'code' ? 'Authenticator code' : 'Recovery code'}
              value={code}
              onChange={setCode}
              inputMode={secondFactor === 'code' ? 'numeric' : 'text'}
              autoComplete="one-time-code"
              autoFocus
              required
            />
            <button
              type="button"
              className="button-link"
              onClick={() => {
                setCode('');
                setSecondFactor(secondFactor === 'code' ? 'recovery' : 'code');
              }}
            >
              {secondFactor === 'code' ? 'Use a recovery code instead' : 'Use an authenticator code instead'}
            </button>
          </>
        )}
        {error ? <ErrorNotice error={error} /> : null}
        <button type="submit" className="button-primary" disabled={busy}>
          {secondFactor === 'none' ? 'Sign in' : 'Verify'}
        </button>
        {secondFactor !== 'none' ? (
          <button type="button" className="button-ghost" onClick={() => setSecondFactor('none')}>
            Back
          </button>
        ) : null}
      </form>
    </div>
  );
}
