import { type FormEvent, useState } from 'react';
import type { PublicUser, Role } from '../api/account-types';
import { deleteUser, updateUser } from '../api/users-api';
import { formatDateTime } from '../format/format-time';
import { useAction } from '../hooks/use-action';
import { ErrorNotice } from './error-notice';
import { ROLE_OPTIONS } from './role-options';

type Change = Parameters<typeof updateUser>[1];

/** One user; with `editable`, its role, state, lock and password can be changed, and it can be removed. */
export function UserRow({
  user,
  editable,
  onChanged,
}: {
  readonly user: PublicUser;
  readonly editable: boolean;
  readonly onChanged: () => void;
}) {
  const update = useAction((change: Change) => updateUser(user.id, change));
  const remove = useAction(() => deleteUser(user.id));
  const [confirming, setConfirming] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');

  const change = async (patch: Change) => {
    if (await update.run(patch)) onChanged();
  };
  const reset = async (e: FormEvent) => {
    e.preventDefault();
    if (await update.run({ password })) {
      setResetting(false);
      setPassword('');
    }
  };

  return (
    <tr data-testid="user-row">
      <td>
        <strong>{user.username}</strong>
        {update.error ? <ErrorNotice error={update.error} /> : null}
        {remove.error ? <ErrorNotice error={remove.error} /> : null}
      </td>
      <td>
        {editable ? (
          <select
            aria-label={`Role of ${user.username}`}
            value={user.role}
            disabled={update.busy}
            onChange={(e) => void change({ role: e.target.value as Role })}
          >
            {ROLE_OPTIONS.map(([role]) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        ) : (
          user.role
        )}
      </td>
      <td>{user.mfaEnabled ? `on (${user.recoveryCodesLeft} codes left)` : 'off'}</td>
      <td className="nowrap">{formatDateTime(user.lastLogin)}</td>
      <td>{user.disabled ? 'disabled' : user.locked ? 'locked' : 'active'}</td>
      {editable ? (
        <td>
          <div className="row-actions">
            <button
              type="button"
              className="button-small"
              onClick={() => change({ disabled: !user.disabled })}
            >
              {user.disabled ? 'Enable' : 'Disable'}
            </button>
            {user.locked ? (
              <button type="button" className="button-small" onClick={() => change({ unlock: true })}>
                Unlock
              </button>
            ) : null}
            {resetting ? (
              <form className="inline-form" onSubmit={reset}>
                <input
                  type="password"
                  aria-label={`New password for ${user.username}`}
                  value={password}
                  autoComplete="new-password"
                  onChange={(e) => setPassword(e.target.value)}
                  required
                />
                <button type="submit" className="button-small" disabled={update.busy}>
                  Set
                </button>
              </form>
            ) : (
              <button type="button" className="button-small" onClick={() => setResetting(true)}>
                Reset password
              </button>
            )}
            {confirming ? (
              <button
                type="button"
                className="button-small button-danger"
                disabled={remove.busy}
                onClick={async () => {
                  if (await remove.run()) onChanged();
                }}
              >
                Confirm removal
              </button>
            ) : (
              <button
                type="button"
                className="button-small button-danger"
                onClick={() => setConfirming(true)}
              >
                Remove
              </button>
            )}
          </div>
        </td>
      ) : null}
    </tr>
  );
}
