import { type FormEvent, useState } from 'react';
import { confirmMfa, disableMfa, enrollMfa } from '../api/auth-api';
import { useAuth, useMe } from '../auth/auth-context';
import { useAction } from '../hooks/use-action';
import { ErrorNotice } from './error-notice';
import { QrCode } from './qr-code';
import { RecoveryCodes } from './recovery-codes';
import { TextField } from './text-field';

/**
 * Two-factor sign-in for the signed-in person: enrol an authenticator from a QR code, confirm it with a code,
 * see the recovery codes once; or turn it off with the password.
 */
export function MfaPanel() {
  const me = useMe();
  const { reloadMe } = useAuth();
  const enrol = useAction(enrollMfa);
  const confirm = useAction(confirmMfa);
  const disable = useAction(disableMfa);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');

  const onConfirm = async (e: FormEvent) => {
    e.preventDefault();
    if (await confirm.run(code.trim())) await reloadMe();
    setCode('');
  };
  const onDisable = async (e: FormEvent) => {
    e.preventDefault();
    if (await disable.run(password)) {
      enrol.reset();
      confirm.reset();
      await reloadMe();
    }
    setPassword('');
  };

  if (confirm.result)
    return <RecoveryCodes codes={confirm.result.recoveryCodes} onDone={() => confirm.reset()} />;
  if (me.user?.mfaEnabled)
    return (
      <form className="panel" aria-label="Two-factor sign-in" onSubmit={onDisable}>
        <h2>Two-factor sign-in</h2>
        <p data-testid="mfa-status">
          On: sign-in asks for an authenticator code. {me.user.recoveryCodesLeft} recovery codes left.
        </p>
        <TextField
          label="Password, to turn it off"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          required
        />
        {disable.error ? <ErrorNotice error={disable.error} /> : null}
        <div className="form-actions">
          <button type="submit" className="button-danger" disabled={disable.busy}>
            Turn off two-factor sign-in
          </button>
        </div>
      </form>
    );
  return (
    <div className="panel">
      <h2>Two-factor sign-in</h2>
      <p data-testid="mfa-status">Off: your password alone signs you in.</p>
      {enrol.result ? (
        <form className="mfa-enrol" aria-label="Confirm the authenticator" onSubmit={onConfirm}>
          <QrCode text={enrol.result.uri} label="QR code to scan with an authenticator app" />
          <div>
            <p>Scan the code with an authenticator app, or enter this key by hand:</p>
            <p>
              <code className="secret" data-testid="mfa-secret">
                {enrol.result.secret}
              </code>
            </p>
            <TextField
              label="Code from the app"
              value={code}
              onChange={setCode}
              inputMode="numeric"
              autoComplete="one-time-code"
              required
            />
            {confirm.error ? <ErrorNotice error={confirm.error} /> : null}
            <button type="submit" className="button-primary" disabled={confirm.busy}>
              Confirm
            </button>
          </div>
        </form>
      ) : (
        <>
          {enrol.error ? <ErrorNotice error={enrol.error} /> : null}
          <button type="button" className="button-primary" disabled={enrol.busy} onClick={() => enrol.run()}>
            Set up an authenticator
          </button>
        </>
      )}
    </div>
  );
}
