import { type FormEvent, useState } from 'react';
import type { Role } from '../api/account-types';
import { createUser } from '../api/users-api';
import { useAction } from '../hooks/use-action';
import { ErrorNotice } from './error-notice';
import { ROLE_OPTIONS } from './role-options';
import { SelectField } from './select-field';
import { TextField } from './text-field';

/** Creates a user with a role. */
export function UserForm({ onCreated }: { readonly onCreated: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const create = useAction(createUser);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await create.run({ username: username.trim(), password, role })) {
      setUsername('');
      setPassword('');
      onCreated();
    }
  };

  return (
    <form className="panel" aria-label="Add a user" onSubmit={submit}>
      <h2>Add a user</h2>
      <div className="form-grid">
        <TextField label="Username" value={username} onChange={setUsername} autoComplete="off" required />
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          hint="At least 12 characters, not containing the username."
          required
        />
        <SelectField label="Role" value={role} onChange={setRole} options={ROLE_OPTIONS} />
      </div>
      {create.error ? <ErrorNotice error={create.error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={create.busy}>
          Add user
        </button>
      </div>
    </form>
  );
}
